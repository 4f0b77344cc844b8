/**
 * The life of an installed app. Work states (queued, installing, starting,
 * stopping, uninstalling) belong to one running operation; settled states
 * (running, stopped, error) are what the Docker Engine reports between
 * operations. An uninstalled app has no state: its row is gone.
 */
export const APP_STATES = [
  "queued",
  "installing",
  "running",
  "stopped",
  "stopping",
  "starting",
  "uninstalling",
  "error",
] as const;

export type AppStateName = (typeof APP_STATES)[number];

export type AppOperation = "install" | "start" | "stop" | "uninstall";

const workStates: ReadonlySet<string> = new Set([
  "queued",
  "installing",
  "starting",
  "stopping",
  "uninstalling",
]);

/** The settled states an operation may begin from; an install may also begin with no app. */
const beginsFrom: Record<AppOperation, readonly AppStateName[]> = {
  install: ["error"],
  start: ["stopped", "error"],
  stop: ["running", "error"],
  uninstall: ["running", "stopped", "error"],
};

/** The state an operation shows at once, before any of its work is done. */
export const firstState: Record<AppOperation, AppStateName> = {
  install: "queued",
  start: "starting",
  stop: "stopping",
  uninstall: "uninstalling",
};

export function isAppState(value: string): value is AppStateName {
  return (APP_STATES as readonly string[]).includes(value);
}

/** Whether an operation holds the app (its state says work is under way). */
export function isWorkState(state: string): boolean {
  return workStates.has(state);
}

/** The operation a work state belongs to, to resume it after a restart. */
export function operationOf(state: string): AppOperation | undefined {
  if (state === "queued" || state === "installing") return "install";
  if (state === "starting") return "start";
  if (state === "stopping") return "stop";
  if (state === "uninstalling") return "uninstall";

  return undefined;
}

/**
 * Why `operation` cannot begin from `state`, as a sentence for the owner,
 * or undefined when it can.
 */
export function refusal(operation: AppOperation, name: string, state: string): string | undefined {
  if ((beginsFrom[operation] as readonly string[]).includes(state)) return undefined;
  if (isWorkState(state)) return `${name} is busy (${state}); wait until that is done.`;
  if (operation === "install") return `${name} is already installed.`;
  if (operation === "start") return `${name} is already running.`;
  if (operation === "stop") return `${name} is not running.`;

  return `${name} cannot be uninstalled while ${state}.`;
}
