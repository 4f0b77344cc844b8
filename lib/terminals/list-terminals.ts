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

/** The paired terminals, newest first, with `currentId` marked. */
export async function listTerminals(currentId: string | null): Promise<TerminalView[]> {
  const rows = await db().terminal.findMany({
    where: { revokedAt: null },
    orderBy: { pairedAt: "desc" },
  });
  const pending = stateStore();

  return rows.map((row) => ({
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
