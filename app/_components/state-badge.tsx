const styles: Record<string, string> = {
  running: "bg-green-100 text-green-800",
  stopped: "bg-slate-200 text-slate-700",
  error: "bg-red-100 text-red-800",
  queued: "bg-amber-100 text-amber-800",
  installing: "bg-amber-100 text-amber-800",
  starting: "bg-amber-100 text-amber-800",
  stopping: "bg-amber-100 text-amber-800",
  uninstalling: "bg-amber-100 text-amber-800",
};

const labels: Record<string, string> = {
  running: "Running",
  stopped: "Stopped",
  error: "Error",
  queued: "Queued",
  installing: "Installing…",
  starting: "Starting…",
  stopping: "Stopping…",
  uninstalling: "Uninstalling…",
};

/** Whether an app is on its way from one state to another. */
export function isBusy(state: string): boolean {
  return ["queued", "installing", "starting", "stopping", "uninstalling"].includes(state);
}

export function StateBadge({ state }: { state: string }) {
  return (
    <span
      className={[
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium",
        styles[state] ?? styles.stopped,
      ].join(" ")}
    >
      {isBusy(state) && (
        <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden="true" />
      )}
      {labels[state] ?? state}
    </span>
  );
}
