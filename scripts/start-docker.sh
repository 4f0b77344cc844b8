# Sourced by the test command: makes sure a Docker Engine answers and
# exports DOCKER_HOST for it. On machines without a running engine it starts
# Debian's dockerd on a private socket, as TESTING.md describes.
if [ -z "${DOCKER_HOST:-}" ] && [ -S /var/run/docker.sock ] && docker info >/dev/null 2>&1; then
  :
else
  export DOCKER_HOST=${DOCKER_HOST:-unix:///tmp/portal-docker.sock}
  if ! docker info >/dev/null 2>&1; then
    echo "Starting dockerd on $DOCKER_HOST"
    mkdir -p /tmp/portal-docker-data
    nohup dockerd --exec-opt native.cgroupdriver=cgroupfs \
      --host "$DOCKER_HOST" --data-root /tmp/portal-docker-data \
      --pidfile /tmp/portal-dockerd.pid >/tmp/portal-dockerd.log 2>&1 &
    for _ in $(seq 1 60); do
      docker info >/dev/null 2>&1 && break
      sleep 1
    done
    docker info >/dev/null 2>&1 || echo "dockerd did not come up; see /tmp/portal-dockerd.log"
  fi
fi
