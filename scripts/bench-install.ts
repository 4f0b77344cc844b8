// The install benchmark: `npx tsx scripts/bench-install.ts`. In one run, on
// the real Docker Engine and compose of this machine, with the locally
// built whoami test image, it times (1) `POST /api/apps` through the real
// route handler until the app is running, and (2) a plain `compose up -d`
// of the same rendered files, alternating, BENCH_ROUNDS times (default 3).
// It prints the medians and the engine's overhead; the goal is under 1 s.
// The console's own process is not started: the route handler runs in
// this process, with a paired terminal's bearer token, so the figure is
// the engine's cost and not Next.js's.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-install-"));
const run = `bench${process.pid}`;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

process.env.PORTAL_DATA_DIR = path.join(work, "data");
process.env.DATABASE_URL = `file:${path.join(work, "data", "portal.db")}`;
process.env.PORTAL_CATALOG_DIR = path.join(work, "catalog");
process.env.PORTAL_URL = "http://portal.test:3000";
process.env.PORTAL_CONTAINER_PREFIX = `${run}-`;
process.env.PORTAL_NETWORK = `${run}-portal`;
process.env.LOG_LEVEL = "silent";
process.env.DOCKER_HOST ??= "unix:///tmp/portal-docker.sock";
delete process.env.PORTAL_CADDY_ADMIN;
fs.cpSync(path.join(root, "e2e", "catalog", "whoami"), path.join(work, "catalog", "whoami"), {
  recursive: true,
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  // Imported after the environment above is set: modules read it lazily.
  const docker = await import("../e2e/support/docker");
  if (!docker.dockerAnswers()) {
    console.log("bench-install: no Docker Engine answers (source scripts/start-docker.sh)");
    process.exit(1);
  }
  docker.buildWhoamiImage();
  const { readConfig } = await import("../lib/config/config");
  const { preparePortal } = await import("../lib/server/prepare-portal");
  const { db } = await import("../lib/db/client");
  const { loadSigningKey } = await import("../lib/session/signing-key");
  const { signSessionToken } = await import("../lib/session/session-token");
  const { stateStore } = await import("../lib/state/state-store");
  const { appEvents } = await import("../lib/apps/app-events");
  const { appWorkQueue } = await import("../lib/apps/app-work-queue");
  const { requestUninstall } = await import("../lib/apps/uninstall-app");
  const { systemActor } = await import("../lib/apps/actor");
  const { appPaths } = await import("../lib/apps/app-paths");
  const { composeArgs, composeCommand } = await import("../lib/apps/compose-command");
  const { POST } = await import("../app/api/apps/route");

  const cfg = readConfig();
  await preparePortal(cfg, root);
  await stateStore().start();
  await db().terminal.create({ data: { id: "bench", name: "bench", icon: "desktop" } });
  const token = await signSessionToken("bench", loadSigningKey(cfg.dataDir), 3600);
  const command = await composeCommand();

  const engineInstall = async (): Promise<number> => {
    const running = new Promise<void>((resolve, reject) => {
      const stop = appEvents().subscribe("whoami", (event) => {
        if (event.type !== "state") return;
        if (event.data.state === "running") resolve();
        if (event.data.state === "error") reject(new Error(event.data.reason));
        if (event.data.state === "running" || event.data.state === "error") stop();
      });
    });
    const started = performance.now();
    const response = await POST(
      new Request(`${cfg.portalUrl}/api/apps`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: cfg.portalUrl,
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ name: "whoami" }),
      }),
      { params: Promise.resolve({}) },
    );
    if (response.status !== 202) throw new Error(`POST /api/apps: ${await response.text()}`);
    await running;

    return performance.now() - started;
  };

  // The same rendered project under another name, run by compose alone.
  const plainUp = (): number => {
    const paths = appPaths("whoami");
    const dir = path.join(work, "plain");
    fs.mkdirSync(dir, { recursive: true });
    const composeFile = path.join(dir, "compose.yaml");
    const envFile = path.join(dir, ".env");
    fs.writeFileSync(
      composeFile,
      fs.readFileSync(paths.composeFile, "utf8").replaceAll(`${run}-whoami`, `${run}-plain`),
    );
    fs.copyFileSync(paths.envFile, envFile);
    const target = { project: `${run}-plain`, composeFile, envFile, projectDir: dir };
    const [file = "docker-compose", ...up] = composeArgs(command, target, ["up", "-d"]);
    const started = performance.now();
    execFileSync(file, up, { stdio: "ignore" });
    const took = performance.now() - started;
    const [, ...down] = composeArgs(command, target, ["down"]);
    execFileSync(file, down, { stdio: "ignore" });

    return took;
  };

  const engine: number[] = [];
  const plain: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      engine.push(await engineInstall());
      plain.push(plainUp());
      await requestUninstall("whoami", { deleteData: true }, systemActor);
      await appWorkQueue().idle();
    }
  } finally {
    docker.removeDockerLeftovers(`${run}-`, [`${run}-portal`]);
    await stateStore().stop();
    fs.rmSync(work, { recursive: true, force: true });
  }

  const e = median(engine);
  const p = median(plain);
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`install benchmark (${command.join(" ")}, ${rounds} rounds, medians)`);
  console.log(`  POST /api/apps to running:  ${ms(e)}  [${engine.map(ms).join(", ")}]`);
  console.log(`  plain compose up -d:        ${ms(p)}  [${plain.map(ms).join(", ")}]`);
  console.log(
    `  engine overhead: ${ms(e - p)} (${(e / p).toFixed(2)}x); goal under 1000 ms: ${
      e - p < 1000 ? "met" : "missed"
    }`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
