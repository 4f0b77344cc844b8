import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { maxFailedAttempts } from "./pairing-code";

export type PairingCodeStatus = {
  id: string;
  state: "waiting" | "paired" | "expired" | "locked";
  expiresAt: string;
  terminal: { id: string; name: string } | null;
};

/** The state of a pairing code, for the terminal that made it only. */
export async function readPairingCode(id: string, terminalId: string): Promise<PairingCodeStatus> {
  const row = await db().pairingCode.findFirst({
    where: { id, createdByTerminalId: terminalId },
    include: { pairedTerminal: { select: { id: true, name: true } } },
  });
  if (!row) throw new PortalError("NOT_FOUND", "No such pairing code.");

  const state = row.usedAt
    ? "paired"
    : row.failedAttempts >= maxFailedAttempts
      ? "locked"
      : row.expiresAt <= new Date()
        ? "expired"
        : "waiting";

  return {
    id: row.id,
    state,
    expiresAt: row.expiresAt.toISOString(),
    terminal: row.pairedTerminal,
  };
}
