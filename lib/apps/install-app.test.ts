import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWhoamiImage, dockerAnswers, removeDockerLeftovers } from "../../e2e/support/docker";
import { CatalogError } from "../catalog/catalog-error";
import { db } from "../db/client";
import { testPortal } from "../testing/test-portal";
import { systemActor } from "./actor";
import { resumeApps } from "./app-engine";
import { appEvents } from "./app-events";
import { appPaths } from "./app-paths";
import { appWorkQueue } from "./app-work-queue";
import { appContainers, docker } from "./docker-client";
import { requestInstall } from "./install-app";
import { reconcileApp } from "./reconcile-apps";
import { requestStart } from "./start-app";
import { requestStop } from "./stop-app";
import { requestUninstall } from "./uninstall-app";

// The engine against the real Docker Engine and compose of this machine,
// with a catalog of the whoami test entry and the bundled convos, whose
// image no registry here can deliver.
const run = `ut${process.pid}`;
const catalog = fs.mkdtempSync(path.join(os.tmpdir(), "portal-catalog-"));
const root = path.resolve(import.meta.dirname, "..", "..");
fs.cpSync(path.join(root, "e2e", "catalog", "whoami"), path.join(catalog, "whoami"), {
  recursive: true,
});
fs.cpSync(path.join(root, "catalog", "convos"), path.join(catalog, "convos"), { recursive: true });
process.env.PORTAL_CATALOG_DIR = catalog;
process.env.PORTAL_CONTAINER_PREFIX = `${run}-`;
process.env.PORTAL_NETWORK = `${run}-portal`;

const engine = dockerAnswers();
if (!engine) console.warn("No Docker Engine answers: skipping the install engine tests");

function watchStates(name: string) {
  const states: string[] = [];
  const stop = appEvents().subscribe(name, (event) => {
    if (event.type === "state") states.push(event.data.state);
  });

  return { states, stop };
}

async function whoamiHeaders(): Promise<string> {
  const [container] = await appContainers("whoami");
  const info = await docker()
    .getContainer(container?.id ?? "")
    .inspect();
  const ip = info.NetworkSettings.Networks[`${run}-portal`]?.IPAddress;

  // busybox httpd passes the CGI's bare-LF header lines on, which only a
  // lenient parser (like a browser's or Caddy's) accepts.
  return new Promise((resolve, reject) => {
    const request = http.get(
      `http://${ip}/cgi-bin/headers`,
      { headers: { "X-Ptl-User": "ada" }, insecureHTTPParser: true },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on("end", () => resolve(body));
      },
    );
    request.once("error", reject);
  });
}

describe.skipIf(!engine)("the install engine on the real Docker Engine", () => {
  beforeAll(async () => {
    buildWhoamiImage();
    await testPortal();
  });
  afterAll(async () => {
    await appWorkQueue().idle();
    removeDockerLeftovers(`${run}-`, [`${run}-portal`]);
    fs.rmSync(catalog, { recursive: true, force: true });
  });

  it("installs: queued, installing, running, with files, rules and kept secrets", async () => {
    const watch = watchStates("whoami");
    await requestInstall({ name: "whoami", settings: { WHOAMI_GREETING: "hi" } }, systemActor);
    await appWorkQueue().idle();
    watch.stop();

    expect(watch.states).toEqual(["queued", "installing", "running"]);
    const paths = appPaths("whoami");
    const compose = fs.readFileSync(paths.composeFile, "utf8");
    expect(compose).toContain(`container_name: ${run}-whoami`);
    expect(compose).toContain("traefik.http.routers.whoami.middlewares: auth@file");
    expect(fs.readFileSync(paths.envFile, "utf8")).toContain("WHOAMI_GREETING='hi'");
    expect(fs.statSync(paths.envFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(paths.logFile, "utf8")).toMatch(/Creating .*whoami/);
    const rules = await db().accessRule.findMany({ where: { appName: "whoami" } });
    expect(rules.map((r) => [r.prefix, r.access]).sort()).toEqual([
      ["", "private"],
      ["/index.html", "public"],
    ]);
    expect(await whoamiHeaders()).toContain("x-ptl-user: ada");
  });

  it("refuses a second install, unknown apps and bad settings before doing anything", async () => {
    await expect(requestInstall({ name: "whoami", settings: {} }, systemActor)).rejects.toThrow(
      "whoami is already installed.",
    );
    await expect(requestInstall({ name: "nope", settings: {} }, systemActor)).rejects.toThrow(
      'The catalog has no app named "nope".',
    );
    const bad = requestInstall({ name: "convos", settings: { COLOR: 1 } }, systemActor);
    await expect(bad).rejects.toBeInstanceOf(CatalogError);
    expect(await db().app.findUnique({ where: { name: "convos" } })).toBeNull();
  });

  it("stops and starts, showing stopping and starting at once", async () => {
    await requestStop("whoami", systemActor);
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("stopping");
    await appWorkQueue().idle();
    expect((await appContainers("whoami"))[0]?.state).toBe("exited");
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("stopped");

    await requestStart("whoami", systemActor);
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("starting");
    await appWorkQueue().idle();
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("running");
  });

  it("follows containers changed behind its back", async () => {
    execFileSync("docker", ["stop", "-t", "1", `${run}-whoami`]);
    await reconcileApp("whoami");
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("stopped");
    execFileSync("docker", ["start", `${run}-whoami`]);
    await reconcileApp("whoami");
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("running");
  });

  it("uninstalls keeping data and secrets, and a reinstall finds both", async () => {
    const secret = await db().appSecret.findFirst({ where: { appName: "whoami" } });
    fs.writeFileSync(path.join(appPaths("whoami").appDataDir, "note.txt"), "kept\n");
    await requestUninstall("whoami", { deleteData: false }, systemActor);
    await appWorkQueue().idle();
    expect(await db().app.findUnique({ where: { name: "whoami" } })).toBeNull();
    expect(await appContainers("whoami")).toEqual([]);
    expect(fs.existsSync(appPaths("whoami").composeFile)).toBe(false);

    await requestInstall({ name: "whoami", settings: {} }, systemActor);
    await appWorkQueue().idle();
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("running");
    expect(await db().appSecret.findFirst({ where: { appName: "whoami" } })).toEqual(secret);
    expect(await whoamiHeaders()).toContain("note: kept");
  });

  it("resumes an install cut off by a restart, and gives up after three", async () => {
    await db().app.update({ where: { name: "whoami" }, data: { state: "installing" } });
    await resumeApps();
    await appWorkQueue().idle();
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("running");

    await db().app.update({
      where: { name: "whoami" },
      data: { state: "installing", resumeCount: 3 },
    });
    await resumeApps();
    const row = await db().app.findUnique({ where: { name: "whoami" } });
    expect(row?.state).toBe("error");
    expect(row?.stateReason).toMatch(/cut off by a restart 3 times/);
  });

  it("uninstalls deleting data: folders and secrets gone", async () => {
    await requestUninstall("whoami", { deleteData: true }, systemActor);
    await appWorkQueue().idle();
    expect(fs.existsSync(appPaths("whoami").appDataDir)).toBe(false);
    expect(fs.existsSync(appPaths("whoami").installDir)).toBe(false);
    expect(await db().appSecret.count({ where: { appName: "whoami" } })).toBe(0);
  });

  it("ends a failed pull in error with the reason, no container and the log kept", async () => {
    const watch = watchStates("convos");
    await requestInstall({ name: "convos", settings: {} }, systemActor);
    await appWorkQueue().idle();
    watch.stop();

    const row = await db().app.findUnique({ where: { name: "convos" } });
    expect(watch.states).toEqual(["queued", "installing", "error"]);
    expect(row?.stateReason).toMatch(
      /^The image ghcr\.io\/convos-chat\/convos:v8\.02 could not be downloaded \(.+\)\. Check/,
    );
    expect(await appContainers("convos")).toEqual([]);
    expect(fs.readFileSync(appPaths("convos").logFile, "utf8")).toContain("Pulling convos");

    await requestUninstall("convos", { deleteData: true }, systemActor);
    await appWorkQueue().idle();
    expect(await db().app.findUnique({ where: { name: "convos" } })).toBeNull();
  });

  it("ends in error on a taken container name, leaving that container alone", async () => {
    const foreign = `${run}-whoami`;
    execFileSync("docker", ["run", "-d", "--name", foreign, "local/portal-whoami:e2e"]);
    await requestInstall({ name: "whoami", settings: {} }, systemActor);
    await appWorkQueue().idle();

    const row = await db().app.findUnique({ where: { name: "whoami" } });
    expect(row?.state).toBe("error");
    expect(row?.stateReason).toBe(
      [
        `A container named "${foreign}" already exists and is not part of this app.`,
        `Remove or rename it (docker rm -f ${foreign}), then install it again.`,
      ].join(" "),
    );
    const inspect = spawnSync("docker", ["inspect", "-f", "{{.State.Running}}", foreign], {
      encoding: "utf8",
    });
    expect(inspect.stdout.trim()).toBe("true");

    execFileSync("docker", ["rm", "-f", foreign]);
    await requestInstall({ name: "whoami", settings: {} }, systemActor);
    await appWorkQueue().idle();
    expect((await db().app.findUnique({ where: { name: "whoami" } }))?.state).toBe("running");
    await requestUninstall("whoami", { deleteData: true }, systemActor);
    await appWorkQueue().idle();
  });
});
