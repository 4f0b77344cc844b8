import type { ActivityEvent } from "@/lib/audit/list-events";

const reasons: Record<string, string> = {
  invalid: "a wrong code",
  used: "a code already used",
  expired: "an expired code",
  locked: "a locked code",
  "rate-limited": "too many attempts",
};

/** One readable sentence for an audit event. */
export function describeEvent(event: ActivityEvent): string {
  const d = event.detail;
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
  switch (event.action) {
    case "terminal.paired":
      return `Paired ${text("name") || "a device"}`;
    case "pairing.failed":
      return `Pairing refused: ${reasons[text("reason")] ?? "a wrong code"}`;
    case "pairing.code-created":
      return "Made a pairing code";
    case "terminal.renamed":
      return text("from") && text("from") !== text("name")
        ? `Renamed ${text("from")} to ${text("name")}`
        : `Changed ${text("name")}`;
    case "terminal.revoked":
      return `Revoked ${text("name") || "a device"}`;
    case "app.installed":
      return `Installed ${text("name") || text("app")}`;
    case "app.install-failed":
      return `Install of ${text("name") || text("app")} failed`;
    case "app.uninstalled":
      return `Uninstalled ${text("name") || text("app")}`;
    case "app.started":
      return `Started ${text("name") || text("app")}`;
    case "app.stopped":
      return `Stopped ${text("name") || text("app")}`;
    default:
      return event.action;
  }
}
