import fs from "node:fs";
import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";
import type { Actor } from "./actor";
import { appEvents } from "./app-events";
import { AppFailure, reasonOf } from "./app-failure";
import { appPaths, composeTargetOf } from "./app-paths";
import { refusal } from "./app-state";
import { appWorkQueue } from "./app-work-queue";
import { pushCaddyConfig } from "./caddy-push";
import { classifyComposeOutput } from "./classify-compose-output";
import { runCompose } from "./compose-command";
import { pingDocker, removeAppContainers } from "./docker-client";
import { setAppState } from "./set-app-state";

const retry = "uninstall it again";

/**
 * Accepts an uninstall: the app shows `uninstalling` at once and the work
 * is queued. The owner's choice about the data is kept on the row, so a
 * restart resumes the same uninstall.
 *
 * @throws PortalError NOT_FOUND or CONFLICT.
 */
export async function requestUninstall(
  name: string,
  options: { deleteData: boolean },
  actor: Actor,
): Promise<void> {
  const row = await db().app.findUnique({ where: { name } });
  if (!row) throw new PortalError("NOT_FOUND", `${name} is not installed.`);
  const why = refusal("uninstall", name, row.state);
  if (why) throw new PortalError("CONFLICT", why);

  await setAppState(name, "uninstalling", "", { deleteData: options.deleteData });
  appEvents().log(name, options.deleteData ? "Uninstalling and deleting data" : "Uninstalling");
  void appWorkQueue().run(name, () => runUninstall(name, actor));
}

/**
 * Removes the app's containers, its runtime files and its row with the
 * access rules; with deleteData also its data folder, install folder and
 * secrets. Ends with the app gone, or in error with the reason.
 */
export async function runUninstall(name: string, actor: Actor): Promise<void> {
  const row = await db().app.findUnique({ where: { name } });
  if (row?.state !== "uninstalling") return;
  const log = (line: string) => appEvents().log(name, line);
  const paths = appPaths(name);
  const target = composeTargetOf(name);

  try {
    await pingDocker(retry);
    if (fs.existsSync(paths.composeFile) && fs.existsSync(paths.envFile)) {
      log("Removing the containers (compose down)");
      const sub = ["down", "--remove-orphans", ...(row.deleteData ? ["-v"] : [])];
      const down = await runCompose(target, sub, { onLine: log, timeoutMs: 300_000 });
      if (down.code !== 0) {
        throw new AppFailure(classifyComposeOutput(down.output, { ...down, retry }).reason);
      }
    }
    await removeAppContainers(name);

    fs.rmSync(paths.composeFile, { force: true });
    fs.rmSync(paths.envFile, { force: true });
    if (row.deleteData) {
      log("Deleting the app's data");
      fs.rmSync(paths.appDataDir, { recursive: true, force: true });
      fs.rmSync(paths.installDir, { recursive: true, force: true });
      appEvents().forget(name);
    } else {
      log(`Uninstalled; the data stays in ${paths.appDataDir}`);
    }

    await db().$transaction([
      db().app.delete({ where: { name } }),
      ...(row.deleteData ? [db().appSecret.deleteMany({ where: { appName: name } })] : []),
      bumpStateVersion("apps"),
    ]);
    await stateStore().reload("apps");
    appEvents().state(name, "uninstalled", "");
    await recordEvent({
      action: "app.uninstalled",
      ...actor,
      detail: { app: name, deletedData: row.deleteData },
    });
  } catch (error) {
    const reason = reasonOf(error, retry);
    log(`Uninstall failed: ${reason}`);
    await setAppState(name, "error", reason, { resumeCount: 0 });
  }

  await pushCaddyConfig();
}
