import { db } from "../db/client";
import { stateStore } from "../state/state-store";
import { summarizeUserAgent } from "./guess-device";

export type TerminalView = {
  id: string;
  name: string;
  icon: string;
  pairedAt: string;
  lastSeenAt: string;
  userAgent: string;
  userAgentSummary: string;
  current: boolean;
};

/** The paired terminals: the current one first, then newest first. */
export async function listTerminals(currentId: string | null): Promise<TerminalView[]> {
  const rows = await db().terminal.findMany({
    where: { revokedAt: null },
    orderBy: { pairedAt: "desc" },
  });
  const pending = stateStore();

  const ordered = [
    ...rows.filter((r) => r.id === currentId),
    ...rows.filter((r) => r.id !== currentId),
  ];

  return ordered.map((row) => ({
    id: row.id,
    name: row.name,
    icon: row.icon,
    pairedAt: row.pairedAt.toISOString(),
    // The store holds sightings not yet written; show the newest.
    lastSeenAt: new Date(
      Math.max(row.lastSeenAt.getTime(), pending.lastSeen(row.id)),
    ).toISOString(),
    userAgent: row.userAgent,
    userAgentSummary: summarizeUserAgent(row.userAgent),
    current: row.id === currentId,
  }));
}
