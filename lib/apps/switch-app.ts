import fs from "node:fs";
import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import type { Actor } from "./actor";
import { appEvents } from "./app-events";
import { AppFailure, reasonOf } from "./app-failure";
import { appPaths, composeTargetOf } from "./app-paths";
import { type AppOperation, firstState, refusal } from "./app-state";
import { appWorkQueue } from "./app-work-queue";
import { classifyComposeOutput } from "./classify-compose-output";
import { runCompose } from "./compose-command";
import { pingDocker } from "./docker-client";
import { setAppState } from "./set-app-state";

type Switch = Extract<AppOperation, "start" | "stop">;

/**
 * Accepts a start or stop: the app shows `starting` or `stopping` at once,
 * and the work is queued.
 *
 * @throws PortalError NOT_FOUND or CONFLICT.
 */
export async function requestSwitch(name: string, operation: Switch, actor: Actor) {
  const row = await db().app.findUnique({ where: { name } });
  if (!row) throw new PortalError("NOT_FOUND", `${name} is not installed.`);
  const why = refusal(operation, name, row.state);
  if (why || appWorkQueue().busy(name)) {
    throw new PortalError("CONFLICT", why ?? `${name} is busy; wait until that is done.`);
  }

  await setAppState(name, firstState[operation]);
  void appWorkQueue().run(name, () => runSwitch(name, operation, actor));
}

/**
 * Starts the app's containers (`compose up -d`, which also recreates any
 * that were removed) or stops them (`compose stop`, which keeps them).
 */
export async function runSwitch(name: string, operation: Switch, actor: Actor): Promise<void> {
  const row = await db().app.findUnique({ where: { name } });
  if (!row || row.state !== firstState[operation]) return;
  const retry = `${operation} it again`;
  const log = (line: string) => appEvents().log(name, line);
  const paths = appPaths(name);

  try {
    if (!fs.existsSync(paths.composeFile) || !fs.existsSync(paths.envFile)) {
      throw new AppFailure(
        [
          `The compose files of ${name} are missing from ${paths.installDir}.`,
          `Uninstall it and install it again.`,
        ].join(" "),
      );
    }
    await pingDocker(retry);
    log(operation === "start" ? "Starting (compose up -d)" : "Stopping (compose stop)");
    const run = await runCompose(
      composeTargetOf(name),
      operation === "start" ? ["up", "-d"] : ["stop"],
      { onLine: log, timeoutMs: 300_000 },
    );
    if (run.code !== 0)
      throw new AppFailure(classifyComposeOutput(run.output, { ...run, retry }).reason);

    await setAppState(name, operation === "start" ? "running" : "stopped", "", { resumeCount: 0 });
    await recordEvent({
      action: operation === "start" ? "app.started" : "app.stopped",
      ...actor,
      detail: { app: name },
    });
  } catch (error) {
    const reason = reasonOf(error, retry);
    log(`${operation === "start" ? "Start" : "Stop"} failed: ${reason}`);
    await setAppState(name, "error", reason, { resumeCount: 0 });
  }
}
