import { config } from "../config/config";
import { db } from "../db/client";
import { logger } from "../log/logger";
import { systemActor } from "./actor";
import { appEvents } from "./app-events";
import { engineSettings } from "./app-paths";
import { operationOf } from "./app-state";
import { appWorkQueue } from "./app-work-queue";
import { checkCaddyAdmin } from "./caddy-push";
import { runInstall } from "./install-app";
import { reconcileAllApps, scheduleReconcile } from "./reconcile-apps";
import { setAppState } from "./set-app-state";
import { runSwitch } from "./switch-app";
import { runUninstall } from "./uninstall-app";
import { type EventWatch, watchDockerEvents } from "./watch-docker-events";

// A restart in the middle of the same work this often means the work itself
// brings the console down; the app ends in error instead of a loop.
const maxResumes = 3;

let watch: EventWatch | undefined;

/**
 * Starts the install engine: checks its settings (throwing ConfigError),
 * resumes the work a crash or restart cut off, and follows the Docker
 * Engine's events so each app's state keeps up with its containers.
 */
export async function startAppEngine(): Promise<void> {
  checkCaddyAdmin(config().caddyAdmin);
  engineSettings();
  await resumeApps();
  watch ??= watchDockerEvents({
    onAppEvent: scheduleReconcile,
    onConnect: () => void reconcileAllApps(),
  });
}

/** Stops following the engine; work under way is left for the next start to resume. */
export function stopAppEngine(): void {
  watch?.stop();
  watch = undefined;
}

/**
 * Every app left in a work state was cut off: that work is queued again
 * (each step can run twice), or, after too many tries, ends in error.
 */
export async function resumeApps(): Promise<void> {
  const rows = await db().app.findMany();
  for (const row of rows) {
    const operation = operationOf(row.state);
    if (!operation) continue;
    const name = row.name;
    if (row.resumeCount >= maxResumes) {
      const reason = [
        `The ${operation} of ${name} was cut off by a restart ${row.resumeCount} times.`,
        `Uninstall it, then install it again.`,
      ].join(" ");
      appEvents().log(name, reason);
      await setAppState(name, "error", reason, { resumeCount: 0 });
      continue;
    }
    await db().app.update({ where: { name }, data: { resumeCount: row.resumeCount + 1 } });
    logger().info({ app: name, operation }, "resuming app work cut off by a restart");
    appEvents().log(name, `Resuming the ${operation} after a restart`);
    void appWorkQueue().run(name, () => {
      if (operation === "install") return runInstall(name, systemActor);
      if (operation === "uninstall") return runUninstall(name, systemActor);

      return runSwitch(name, operation, systemActor);
    });
  }
}
