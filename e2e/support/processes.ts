import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { e2eEnv } from "./env";

/** A background process started by a test, with its log file. */
export type Background = { child: ChildProcess; logFile: string; stop: () => Promise<void> };

/** Starts `command`, logging to .e2e/NAME.log, and waits until `port` accepts connections. */
export async function startBackground(
  name: string,
  command: string,
  args: string[],
  port: number,
  env: Record<string, string> = {},
): Promise<Background> {
  fs.mkdirSync(e2eEnv.workDir, { recursive: true });
  const logFile = path.join(e2eEnv.workDir, `${name}.log`);
  const log = fs.openSync(logFile, "a");
  const child = spawn(command, args, {
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env },
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });

  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) {
      const tail = fs.readFileSync(logFile, "utf8").slice(-2000);
      child.kill("SIGKILL");
      throw new Error(`${name} did not listen on ${port}:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    child,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The whoami test app as a plain process: busybox httpd with CGI scripts. */
export function startWhoami(port: number, dataDir: string): Promise<Background> {
  fs.mkdirSync(dataDir, { recursive: true });

  return startBackground(
    `whoami-${port}`,
    "busybox",
    ["httpd", "-f", "-p", `127.0.0.1:${port}`, "-h", path.join(import.meta.dirname, "whoami")],
    port,
    { WHOAMI_DATA: dataDir },
  );
}

/** Real Caddy from Debian with a Caddyfile. */
export function startCaddy(caddyfile: string, port: number): Promise<Background> {
  const file = path.join(e2eEnv.workDir, `Caddyfile-${port}`);
  fs.writeFileSync(file, caddyfile);

  return startBackground(
    `caddy-${port}`,
    "caddy",
    ["run", "--config", file, "--adapter", "caddyfile"],
    port,
    {
      HOME: e2eEnv.workDir,
      XDG_DATA_HOME: path.join(e2eEnv.workDir, "caddy-data"),
      XDG_CONFIG_HOME: path.join(e2eEnv.workDir, "caddy-config"),
    },
  );
}

/** Real nginx from Debian in the foreground, with its own prefix folder. */
export function startNginx(serverBlocks: string, port: number): Promise<Background> {
  const prefix = path.join(e2eEnv.workDir, `nginx-${port}`);
  fs.mkdirSync(path.join(prefix, "logs"), { recursive: true });
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    conf,
    [
      "worker_processes 1;",
      "pid nginx.pid;",
      "error_log logs/error.log info;",
      "events { worker_connections 256; }",
      "http {",
      "  access_log logs/access.log;",
      `  client_body_temp_path ${prefix}/body;`,
      `  proxy_temp_path ${prefix}/proxy;`,
      `  fastcgi_temp_path ${prefix}/fastcgi;`,
      `  uwsgi_temp_path ${prefix}/uwsgi;`,
      `  scgi_temp_path ${prefix}/scgi;`,
      serverBlocks,
      "}",
      "",
    ].join("\n"),
  );

  return startBackground(
    `nginx-${port}`,
    "nginx",
    ["-p", prefix, "-c", conf, "-g", "daemon off;"],
    port,
  );
}

/**
 * Real nginx from Debian with a complete nginx.conf, such as the one the
 * console generates: its pid and temp files go under its own prefix folder.
 */
export function startNginxConfig(conf: string, port: number): Promise<Background> {
  const prefix = path.join(e2eEnv.workDir, `nginx-${port}`);
  fs.mkdirSync(path.join(prefix, "tmp"), { recursive: true });
  const file = path.join(prefix, "nginx.conf");
  fs.writeFileSync(file, conf);

  return startBackground(
    `nginx-${port}`,
    "nginx",
    ["-e", "stderr", "-p", `${prefix}/`, "-c", file, "-g", "daemon off;"],
    port,
  );
}
