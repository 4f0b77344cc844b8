#!/usr/bin/env bash
# Installs what the tests need and runs every suite: lint and format, types,
# unit tests, and the e2e suite in Chromium against the production build with
# real Caddy, nginx and Docker. The last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
# A Portal does not report to anyone, nor do its builds.
export NEXT_TELEMETRY_DISABLED=1

# Debian packages, only those missing (apt is slow, and CI machines are fresh).
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v caddy >/dev/null || need+=(caddy)
command -v nginx >/dev/null || need+=(nginx)
command -v dockerd >/dev/null || need+=(docker.io)
command -v docker-compose >/dev/null || need+=(docker-compose)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || {
    echo "Could not install ${need[*]}"
    echo "0 passed, 1 failed"
    exit 1
  }
fi

# npm packages, exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi

# A Docker Engine for the install tests, unless one already answers.
source scripts/start-docker.sh

results=()
run_suite() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then results+=("$name:pass"); else results+=("$name:fail"); fi
}

run_suite lint npx biome check .
run_suite types npx tsc --noEmit
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
echo "== build"
if npm run -s build >test-results/build.log 2>&1; then
  npx playwright test
else
  tail -n 40 test-results/build.log
  results+=("build:fail")
fi

node scripts/test-summary.mjs "${results[@]}"
