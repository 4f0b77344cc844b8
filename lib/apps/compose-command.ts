import { spawn } from "node:child_process";
import { config } from "../config/config";

export type ComposeRun = { code: number; output: string; timedOut: boolean };

type Probe = (words: string[]) => Promise<boolean>;

/**
 * The compose command as words: `PORTAL_COMPOSE` if set, else `docker
 * compose` when `docker compose version` works, else `docker-compose`.
 * The last is returned even when it does not answer either, so that the
 * install fails with compose's own "not found" rather than a guess.
 */
export async function detectCompose(
  configured: string | undefined,
  probe: Probe = answersVersion,
): Promise<string[]> {
  const words = configured?.trim().split(/\s+/).filter(Boolean);
  if (words?.length) return words;
  if (await probe(["docker", "compose"])) return ["docker", "compose"];

  return ["docker-compose"];
}

let detected: Promise<string[]> | undefined;

/** The process's compose command, detected once. */
export function composeCommand(): Promise<string[]> {
  detected ??= detectCompose(config().compose);

  return detected;
}

export type ComposeTarget = {
  project: string;
  composeFile: string;
  envFile: string;
  projectDir: string;
};

/**
 * The full argument list: the global options pinned before the subcommand
 * (docker-compose 1.29 reads `--env-file` only there; v2 accepts it too),
 * so compose never looks for a file or a project name on its own.
 */
export function composeArgs(command: string[], target: ComposeTarget, sub: string[]): string[] {
  return [
    ...command,
    "--env-file",
    target.envFile,
    "-p",
    target.project,
    "-f",
    target.composeFile,
    "--project-directory",
    target.projectDir,
    ...sub,
  ];
}

/**
 * Runs compose and hands each output line (stdout and stderr, as they come)
 * to `onLine`. Never rejects: a missing binary or a timeout is a failed run
 * whose output says so.
 */
export async function runCompose(
  target: ComposeTarget,
  sub: string[],
  options: { onLine?: (line: string) => void; timeoutMs?: number } = {},
): Promise<ComposeRun> {
  const [file = "docker-compose", ...args] = composeArgs(await composeCommand(), target, sub);

  return runLines(file, args, target.projectDir, options);
}

function runLines(
  file: string,
  args: string[],
  cwd: string,
  options: { onLine?: (line: string) => void; timeoutMs?: number },
): Promise<ComposeRun> {
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    const child = spawn(/*turbopackIgnore: true*/ file, args, {
      cwd,
      env: composeEnv() as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill("SIGKILL");
      },
      options.timeoutMs ?? 10 * 60_000,
    );
    const partial = { stdout: "", stderr: "" };
    const take = (which: "stdout" | "stderr", chunk: Buffer) => {
      const text = partial[which] + chunk.toString("utf8");
      output += chunk.toString("utf8");
      const lines = text.split(/\r?\n|\r/);
      partial[which] = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) options.onLine?.(line);
    };
    child.stdout.on("data", (chunk: Buffer) => take("stdout", chunk));
    child.stderr.on("data", (chunk: Buffer) => take("stderr", chunk));
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const rest of [partial.stdout, partial.stderr]) {
        if (rest.trim()) options.onLine?.(rest);
      }
      resolve({ code, output, timedOut });
    };
    // A missing binary: spawn's error is the only output there will be.
    child.once("error", (error) => {
      output += `${file}: ${error.message}\n`;
      options.onLine?.(`${file}: ${error.message}`);
      finish(127);
    });
    child.once("close", (code) => finish(code ?? 1));
  });
}

// Compose reads variables from its own environment before the env file, so
// it gets only what it needs to reach the engine: the console's own
// variables must never leak into an app's interpolation.
function composeEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    // Progress lines arrive as they happen rather than when Python flushes.
    PYTHONUNBUFFERED: "1",
  };
  for (const name of ["HOME", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CERT_PATH"]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  if (process.env.DOCKER_TLS_VERIFY) env.DOCKER_TLS_VERIFY = process.env.DOCKER_TLS_VERIFY;

  return env;
}

function answersVersion(words: string[]): Promise<boolean> {
  const [file = "", ...args] = words;

  return new Promise((resolve) => {
    const child = spawn(/*turbopackIgnore: true*/ file, [...args, "version"], {
      env: composeEnv() as NodeJS.ProcessEnv,
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
