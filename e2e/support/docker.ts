import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { e2eEnv } from "./env";

/** The whoami test app's image, as e2e/catalog/whoami/compose.yaml names it. */
export const whoamiImage = "local/portal-whoami:e2e";

const whoamiDir = path.join(import.meta.dirname, "whoami");
const command = "trap 'exit 0' TERM; busybox httpd -f -p 80 -h /www & wait";

/** Whether a Docker Engine answers at DOCKER_HOST (or the local socket). */
export function dockerAnswers(): boolean {
  return (
    spawnSync("docker", ["version", "--format", "{{.Server.Version}}"], { stdio: "ignore" })
      .status === 0
  );
}

/**
 * Builds the whoami image with no registry: Debian's static busybox (with
 * a link for each applet, so the CGI scripts find sh, env, grep...) and the
 * scripts in e2e/support/whoami, imported as a one-layer image whose
 * command is busybox httpd serving /www on port 80. A shell that traps
 * TERM runs it, since httpd as process 1 ignores TERM and every stop would
 * wait out Docker's ten seconds.
 */
export function buildWhoamiImage(tag = whoamiImage): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-whoami-"));
  try {
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin, { recursive: true });
    fs.mkdirSync(path.join(dir, "tmp"));
    fs.mkdirSync(path.join(dir, "data"));
    fs.copyFileSync("/bin/busybox", path.join(bin, "busybox"));
    fs.chmodSync(path.join(bin, "busybox"), 0o755);
    const applets = execFileSync("/bin/busybox", ["--list"], { encoding: "utf8" });
    for (const applet of applets.split("\n").filter(Boolean)) {
      if (applet !== "busybox") fs.symlinkSync("busybox", path.join(bin, applet));
    }
    fs.cpSync(whoamiDir, path.join(dir, "www"), { recursive: true });
    const tar = spawnSync("tar", ["-C", dir, "-c", "."], { maxBuffer: 64 * 1024 * 1024 });
    execFileSync(
      "docker",
      ["import", "--change", `CMD ["/bin/sh", "-c", ${JSON.stringify(command)}]`, "-", tag],
      { input: tar.stdout, stdio: ["pipe", "ignore", "inherit"] },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes every container whose name starts with `prefix`, and the named networks. */
export function removeDockerLeftovers(prefix: string, networks: string[] = []): void {
  if (!prefix) return;
  const ids = execFileSync("docker", ["ps", "-aq", "--filter", `name=^/${prefix}`], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  if (ids.length) spawnSync("docker", ["rm", "-f", "-v", ...ids], { stdio: "ignore" });
  // The engine's network name filter matches substrings, not patterns.
  const projectNetworks = execFileSync(
    "docker",
    ["network", "ls", "--format", "{{.Name}}", "--filter", `name=${prefix}`],
    { encoding: "utf8" },
  )
    .split("\n")
    .filter((name) => name.startsWith(prefix));
  for (const network of [...networks, ...projectNetworks]) {
    spawnSync("docker", ["network", "rm", network], { stdio: "ignore" });
  }
}

/** The containers whose name starts with `prefix`, as `name state` lines. */
export function containersWithPrefix(prefix: string): string[] {
  return execFileSync(
    "docker",
    ["ps", "-a", "--filter", `name=^/${prefix}`, "--format", "{{.Names}} {{.State}}"],
    { encoding: "utf8" },
  )
    .split("\n")
    .filter(Boolean);
}

/**
 * The install engine's side of an e2e run. The run prefix comes from the
 * global setup through the environment, so the workers and every console
 * they start name their containers alike.
 */
export const e2eDocker = {
  runPrefix(): string {
    process.env.PORTAL_E2E_RUN ??= `e2e${Date.now().toString(36)}`;

    return process.env.PORTAL_E2E_RUN;
  },
  caddyPort: e2eEnv.caddyPort,
  caddyAdminPort: e2eEnv.caddyAdminPort,
};
