import { db } from "../db/client";
import { logger } from "../log/logger";
import { type AppStateName, isWorkState } from "./app-state";
import { appWorkQueue } from "./app-work-queue";
import { type AppContainer, appContainers } from "./docker-client";
import { setAppState } from "./set-app-state";

export type Settled = { state: AppStateName; reason: string };

// What `docker stop` and a clean exit leave behind; anything else is a crash.
const cleanExitCodes = new Set([0, 137, 143]);

/**
 * The settled state the engine's containers say an app is in, or undefined
 * when the current one stands. Work states are never overruled: the
 * operation holding the app decides how it ends. An app in error with no
 * containers keeps its reason (a failed install cleaned up after itself).
 */
export function reconciledState(
  name: string,
  current: Settled,
  containers: readonly AppContainer[],
): Settled | undefined {
  if (isWorkState(current.state)) return undefined;
  const next = fromContainers(name, current, containers);
  if (!next || (next.state === current.state && next.reason === current.reason)) return undefined;

  return next;
}

function fromContainers(
  name: string,
  current: Settled,
  containers: readonly AppContainer[],
): Settled | undefined {
  if (containers.length === 0) {
    if (current.state === "error") return undefined;

    return {
      state: "error",
      reason: [
        `The containers of ${name} are gone from the Docker Engine.`,
        `Start it to create them again, or uninstall it.`,
      ].join(" "),
    };
  }
  const running = containers.filter((c) => c.state === "running");
  if (running.length === containers.length) return { state: "running", reason: "" };

  const restarting = containers.filter((c) => c.state === "restarting" || c.state === "dead");
  if (restarting.length > 0) {
    const names = restarting.map((c) => c.name).join(", ");

    return {
      state: "error",
      reason: [
        `${names} keeps failing (${restarting[0]?.status}).`,
        `See docker logs ${restarting[0]?.name}, then start it again.`,
      ].join(" "),
    };
  }
  const crashed = containers.filter((c) => {
    const code = exitCode(c.status);

    return c.state === "exited" && code !== undefined && !cleanExitCodes.has(code);
  });
  if (crashed.length > 0) {
    const first = crashed[0];

    return {
      state: "error",
      reason: [
        `${first?.name} exited with code ${exitCode(first?.status ?? "")}.`,
        `See docker logs ${first?.name}, then start it again.`,
      ].join(" "),
    };
  }
  if (running.length > 0) {
    const names = containers
      .filter((c) => c.state !== "running")
      .map((c) => c.name)
      .join(", ");

    return {
      state: "error",
      reason: `Some containers of ${name} are not running: ${names}. Start it again.`,
    };
  }
  // Stopped on purpose, or by hand with docker stop: either way, stopped.
  if (current.state === "stopped") return undefined;

  return { state: "stopped", reason: "" };
}

/** The exit code in a container status such as "Exited (137) 3 seconds ago". */
export function exitCode(status: string): number | undefined {
  const match = /^Exited \((-?\d+)\)/.exec(status);

  return match ? Number(match[1]) : undefined;
}

/** Compares one settled app with the engine and records what changed. */
export async function reconcileApp(name: string): Promise<void> {
  const row = await db().app.findUnique({ where: { name } });
  if (!row || isWorkState(row.state)) return;
  let containers: AppContainer[];
  try {
    containers = await appContainers(name);
  } catch (error) {
    // An engine that does not answer says nothing about the app.
    logger().warn({ err: error, app: name }, "could not list the app's containers");

    return;
  }
  const next = reconciledState(
    name,
    { state: row.state as AppStateName, reason: row.stateReason },
    containers,
  );
  if (next) {
    logger().info(
      { app: name, from: row.state, to: next.state },
      "app state from the Docker Engine",
    );
    await setAppState(name, next.state, next.reason);
  }
}

const pending = new Set<string>();

/**
 * Reconciles the app after whatever work it has queued, once however often
 * it is asked for meanwhile (a compose up sends a burst of engine events).
 */
export function scheduleReconcile(name: string): void {
  if (pending.has(name)) return;
  pending.add(name);
  setTimeout(() => {
    void appWorkQueue().run(name, async () => {
      pending.delete(name);
      await reconcileApp(name);
    });
  }, 200).unref();
}

/** Reconciles every installed app. */
export async function reconcileAllApps(): Promise<void> {
  const rows = await db().app.findMany({ select: { name: true } });
  for (const row of rows) scheduleReconcile(row.name);
}
