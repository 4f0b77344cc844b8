import fs from "node:fs";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { CatalogError } from "../catalog/catalog-error";
import { generateMissingSecrets } from "../catalog/settings";
import { config } from "../config/config";
import { db } from "../db/client";
import { jsonObject } from "../db/json-column";
import { PortalError } from "../errors/portal-error";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";
import type { Actor } from "./actor";
import { appEvents } from "./app-events";
import { AppFailure, reasonOf } from "./app-failure";
import { appPaths, composeTargetOf, engineSettings } from "./app-paths";
import { refusal } from "./app-state";
import { appWorkQueue } from "./app-work-queue";
import { pushCaddyConfig } from "./caddy-push";
import { diskProblem } from "./check-disk";
import { classifyComposeOutput } from "./classify-compose-output";
import { type ComposeTarget, runCompose } from "./compose-command";
import { appContainers, ensureNetwork, pingDocker, removeAppContainers } from "./docker-client";
import { findCatalogEntry } from "./find-catalog-entry";
import { setAppState } from "./set-app-state";
import { appSecrets, renderAppFiles, writeAppFiles } from "./write-app-files";

export const installRequestSchema = z.object({
  name: z.string().min(1).max(64),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export type InstallRequest = z.infer<typeof installRequestSchema>;

const retry = "install it again";

/**
 * Accepts an install: checks everything that can be checked before any
 * work (the entry, the settings, the engine, the disk), records the app as
 * queued with its access rules and kept secrets, and queues the work. An
 * app whose last install failed may be installed again in place.
 *
 * @throws PortalError NOT_FOUND, CONFLICT, DOCKER_UNAVAILABLE or
 * INSUFFICIENT_STORAGE; CatalogError (a 400 with field errors) for bad settings.
 */
export async function requestInstall(input: InstallRequest, actor: Actor): Promise<void> {
  const entry = findCatalogEntry(input.name);
  if (!entry) throw new PortalError("NOT_FOUND", `The catalog has no app named "${input.name}".`);
  const { manifest } = entry;
  const name = manifest.name;

  const existing = await db().app.findUnique({ where: { name } });
  const why = existing ? refusal("install", name, existing.state) : undefined;
  if (why) throw new PortalError("CONFLICT", why);
  if (appWorkQueue().busy(name)) {
    throw new PortalError("CONFLICT", `${name} is busy; wait until that is done.`);
  }

  // A dry run of the real rendering: every setting and entry problem is a
  // 400 now, never a failed install later.
  const secrets = generateMissingSecrets(manifest, await appSecrets(name));
  await renderAppFiles(entry, input.settings, secrets);

  await pingDocker(retry);
  const disk = await diskProblem(manifest, config().dataDir);
  if (disk) throw new PortalError("INSUFFICIENT_STORAGE", disk);

  await db().$transaction([
    db().app.upsert({
      where: { name },
      create: {
        name,
        title: manifest.title,
        version: manifest.version,
        state: "queued",
        settings: JSON.stringify(input.settings),
      },
      update: {
        title: manifest.title,
        version: manifest.version,
        state: "queued",
        stateReason: "",
        resumeCount: 0,
        deleteData: false,
        settings: JSON.stringify(input.settings),
      },
    }),
    db().accessRule.deleteMany({ where: { appName: name } }),
    db().accessRule.createMany({
      data: manifest.access.map((rule) => ({
        appName: name,
        prefix: rule.prefix,
        access: rule.access,
        headers: JSON.stringify(rule.headers ?? {}),
      })),
    }),
    ...Object.entries(secrets).map(([key, value]) =>
      db().appSecret.upsert({
        where: { appName_key: { appName: name, key } },
        create: { appName: name, key, value },
        update: {},
      }),
    ),
    bumpStateVersion("apps"),
  ]);
  await stateStore().reload("apps");

  // A new install starts a new log; the old one said how the last one went.
  fs.rmSync(appPaths(name).logFile, { force: true });
  appEvents().forget(name);
  appEvents().state(name, "queued", "");
  appEvents().log(name, `Queued ${manifest.title} ${manifest.version}`);
  void appWorkQueue().run(name, () => runInstall(name, actor));
}

/**
 * The install itself, for a queued app (or one whose install a restart cut
 * off: every step can run again). Ends running, or in error with the reason
 * and with no container left; the log stays in the install folder.
 */
export async function runInstall(name: string, actor: Actor): Promise<void> {
  const row = await db().app.findUnique({ where: { name } });
  if (!row || (row.state !== "queued" && row.state !== "installing")) return;
  const log = (line: string) => appEvents().log(name, line);
  const target = composeTargetOf(name);
  await setAppState(name, "installing");

  try {
    const entry = findCatalogEntry(name);
    if (!entry) {
      throw new AppFailure(`The catalog no longer has a valid entry for ${name}. Uninstall it.`);
    }

    log("Checking free disk space");
    const disk = await diskProblem(entry.manifest, config().dataDir);
    if (disk) throw new AppFailure(disk);

    log("Checking the Docker Engine");
    await pingDocker(retry);
    const network = engineSettings().network;
    if (await ensureNetwork(network)) log(`Created the shared proxy network ${network}`);

    log("Writing the compose project");
    await writeAppFiles(entry, jsonObject(row.settings));

    log("Starting the containers (compose up -d; missing images are pulled)");
    const up = await runCompose(target, ["up", "-d", "--remove-orphans"], { onLine: log });
    if (up.code !== 0)
      throw new AppFailure(classifyComposeOutput(up.output, { ...up, retry }).reason);

    const stopped = (await appContainers(name)).filter((c) => c.state !== "running");
    if (stopped.length > 0) {
      const names = stopped.map((c) => `${c.name} (${c.status})`).join(", ");
      throw new AppFailure(
        `Not every container is running: ${names}. See docker logs, then ${retry}.`,
      );
    }

    await setAppState(name, "running", "", { resumeCount: 0 });
    log(`${entry.manifest.title} is running`);
    await recordEvent({ action: "app.installed", ...actor, detail: { app: name } });
  } catch (error) {
    const reason =
      error instanceof CatalogError ? `${error.message}. Uninstall it.` : reasonOf(error, retry);
    log(`Install failed: ${reason}`);
    await cleanUp(name, target, log);
    await setAppState(name, "error", reason, { resumeCount: 0 });
    await recordEvent({ action: "app.install-failed", ...actor, detail: { app: name, reason } });
  }

  const pushed = await pushCaddyConfig();
  if (pushed) log(pushed);
}

// A failed install leaves nothing running: compose removes what it made,
// and the engine is asked directly for anything compose could not reach.
async function cleanUp(name: string, target: ComposeTarget, log: (line: string) => void) {
  log("Cleaning up (compose down)");
  if (fs.existsSync(target.composeFile)) {
    await runCompose(target, ["down", "--remove-orphans"], { onLine: log, timeoutMs: 120_000 });
  }
  try {
    const removed = await removeAppContainers(name);
    if (removed > 0) log(`Removed ${removed} leftover container(s)`);
  } catch {
    // The engine is gone too; there is nothing it could still be running.
  }
}
