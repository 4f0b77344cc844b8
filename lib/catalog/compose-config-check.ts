import { execFile } from "node:child_process";

export interface ComposeConfigResult {
  ok: boolean;
  /** The compose command that ran, e.g. `docker-compose`. */
  command: string;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const options = { env: env as NodeJS.ProcessEnv, timeout: 60_000, encoding: "utf8" as const };
    execFile(file, args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// Compose reads variables from the process environment before the env file;
// a clean environment makes the check see only what the env file says.
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
  if (process.env.DOCKER_HOST) {
    env.DOCKER_HOST = process.env.DOCKER_HOST;
  }
  if (process.env.HOME) {
    env.HOME = process.env.HOME;
  }

  return env;
}

let detected: Promise<string[] | undefined> | undefined;

/**
 * The compose command as words: `PORTAL_COMPOSE` if set, else `docker
 * compose` if it answers `version`, else `docker-compose` if it does; else
 * undefined. Detected once a process.
 */
export function detectComposeCommand(): Promise<string[] | undefined> {
  detected ??= (async () => {
    const configured = process.env.PORTAL_COMPOSE?.trim();
    if (configured) {
      return configured.split(/\s+/);
    }
    for (const candidate of [["docker", "compose"], ["docker-compose"]]) {
      const [file = "", ...args] = candidate;
      const result = await run(file, [...args, "version"], cleanEnv());
      if (result.code === 0) {
        return candidate;
      }
    }

    return undefined;
  })();

  return detected;
}

/**
 * Runs the compose command's own check, `compose --env-file ENV -f FILE
 * config -q`, on a rendered project. The global flags go before the
 * subcommand, which docker-compose 1.29 requires and compose v2 accepts.
 * `config` needs no Docker Engine.
 *
 * @throws Error when no compose command is available.
 */
export async function composeConfigCheck(
  composeFile: string,
  envFile: string,
  projectName = "portal-config-check",
): Promise<ComposeConfigResult> {
  const command = await detectComposeCommand();
  if (!command) {
    throw new Error("No compose command found (set PORTAL_COMPOSE)");
  }
  const [file = "", ...prefix] = command;
  const args = [
    ...prefix,
    ...["--env-file", envFile, "-p", projectName, "-f", composeFile, "config", "-q"],
  ];
  const result = await run(file, args, cleanEnv());

  return {
    ok: result.code === 0,
    command: command.join(" "),
    stdout: result.stdout,
    stderr: result.stderr,
  };
}
