import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { e2eDocker } from "./docker";
import { e2eEnv } from "./env";

export type ConsoleInfo = { pid: number; firstPairingUrl: string; logFile: string };

/**
 * Starts the production console and waits for the pairing link it prints on
 * first start; with `expectPairing: false` (a restart, a device is already
 * paired and no link is printed) only until it listens. Output goes to a
 * log file that a failing run leaves behind.
 */
export async function startConsole(
  extraEnv: Record<string, string> = {},
  options: { expectPairing?: boolean } = {},
): Promise<ConsoleInfo> {
  fs.mkdirSync(e2eEnv.workDir, { recursive: true });
  const logFile = path.join(e2eEnv.workDir, "console.log");
  const log = fs.openSync(logFile, "a");
  // The production bundle, as `npm start` runs it (built by `npm run build`).
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/server.mjs"], {
    cwd: e2eEnv.root,
    env: { ...process.env, ...consoleEnv(), ...extraEnv },
    stdio: ["ignore", "pipe", log],
    detached: true,
  });
  const firstPairingUrl = await waitForPairingUrl(child, log, options.expectPairing ?? true);
  child.unref();

  return { pid: child.pid ?? 0, firstPairingUrl, logFile };
}

/** The environment the console runs with in e2e. */
export function consoleEnv(): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORTAL_URL: e2eEnv.portalUrl,
    PORT: String(e2eEnv.consolePort),
    HOSTNAME: "127.0.0.1",
    PORTAL_AUTH_PORT: String(e2eEnv.authPort),
    PORTAL_DATA_DIR: e2eEnv.dataDir,
    PORTAL_CATALOG_DIR: e2eEnv.catalogDir,
    DATABASE_URL: `file:${path.join(e2eEnv.dataDir, "portal.db")}`,
    LOG_LEVEL: "info",
    // The install engine: the test Docker Engine, names prefixed per run, and
    // Caddy on the host (so apps are reached by container address) with its
    // admin API on loopback; apps.spec.ts starts that Caddy.
    DOCKER_HOST: process.env.DOCKER_HOST ?? "unix:///tmp/portal-docker.sock",
    PORTAL_CONTAINER_PREFIX: `${e2eDocker.runPrefix()}-`,
    PORTAL_NETWORK: `${e2eDocker.runPrefix()}-portal`,
    PORTAL_CADDY_ADMIN: `127.0.0.1:${e2eDocker.caddyAdminPort}`,
    PORTAL_PROXY_PORT: String(e2eDocker.caddyPort),
    PORTAL_PROXY_UPSTREAMS: "container-ip",
  };
}

function waitForPairingUrl(
  child: ChildProcess,
  log: number,
  expectPairing: boolean,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      reject(new Error(`The console printed no pairing link in 60 s:\n${output.slice(-2000)}`));
    }, 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      fs.writeSync(log, chunk);
      output += chunk.toString();
      const match = /^(http\S+\/pair\?code=\d+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      } else if (!expectPairing && output.includes('"msg":"console listening"')) {
        clearTimeout(timer);
        resolve("");
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(`The console exited with ${code} before it was ready:\n${output.slice(-2000)}`),
      );
    });
  });
}

/** Stops a console started by startConsole, and everything it started. */
export function stopConsole(pid: number): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}
