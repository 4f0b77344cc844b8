import Docker from "dockerode";
import { PortalError } from "../errors/portal-error";
import { processSingleton } from "../process/process-singleton";
import { projectName } from "./app-paths";
import { dockerUnreachableReason } from "./classify-compose-output";

/** The process's Docker Engine client: DOCKER_HOST, else the local socket. */
export function docker(): Docker {
  return processSingleton("docker", () => new Docker());
}

/** A container of an app as the engine lists it. */
export type AppContainer = {
  id: string;
  name: string;
  /** created, running, paused, restarting, removing, exited or dead. */
  state: string;
  status: string;
};

/**
 * Fails with DOCKER_UNAVAILABLE (a sentence saying what to do) unless the
 * engine answers within a few seconds.
 */
export async function pingDocker(retry = "try again"): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer in 5 s")), 5_000);
  });
  try {
    await Promise.race([docker().ping(), timeout]);
  } catch (error) {
    throw new PortalError("DOCKER_UNAVAILABLE", dockerUnreachableReason(retry), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Creates the shared proxy network unless it exists; true when it was created. */
export async function ensureNetwork(name: string): Promise<boolean> {
  if (await networkExists(name)) return false;
  try {
    await docker().createNetwork({
      Name: name,
      Driver: "bridge",
      Labels: { "portal.network": "" },
    });

    return true;
  } catch (error) {
    // Another install made it a moment ago.
    if (await networkExists(name)) return false;
    throw error;
  }
}

async function networkExists(name: string): Promise<boolean> {
  const found = await docker().listNetworks({ filters: { name: [name] } });

  // The engine's name filter matches substrings.
  return found.some((network) => network.Name === name);
}

/**
 * The containers of an app: those with its `portal.app` label in its
 * compose project, so another Portal's (or test run's) app of the same name
 * on the same engine is never counted.
 */
export async function appContainers(name: string): Promise<AppContainer[]> {
  const list = await docker().listContainers({
    all: true,
    filters: {
      label: [`portal.app=${name}`, `com.docker.compose.project=${projectName(name)}`],
    },
  });

  return list.map((item) => ({
    id: item.Id,
    name: (item.Names[0] ?? item.Id).replace(/^\//, ""),
    state: item.State,
    status: item.Status,
  }));
}

/** Removes what compose down may have left, e.g. when the compose file is gone. */
export async function removeAppContainers(name: string): Promise<number> {
  const containers = await appContainers(name);
  for (const container of containers) {
    await docker().getContainer(container.id).remove({ force: true, v: true });
  }

  return containers.length;
}
