import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";

type Actor = { terminalId: string; clientAddress: string };

/**
 * Revokes terminals at once: the database row first, then this process's
 * in-memory copy, so neither the console nor forward auth lets them in on
 * their next request.
 */
async function revoke(ids: string[], actor: Actor): Promise<number> {
  if (ids.length === 0) return 0;

  const now = new Date();
  const targets = await db().terminal.findMany({
    where: { id: { in: ids }, revokedAt: null },
    select: { id: true, name: true },
  });
  const [result] = await db().$transaction([
    db().terminal.updateMany({
      where: { id: { in: ids }, revokedAt: null },
      data: { revokedAt: now },
    }),
    bumpStateVersion("terminals"),
  ]);
  await stateStore().reload("terminals");
  for (const target of targets) {
    await recordEvent({
      action: "terminal.revoked",
      terminalId: actor.terminalId,
      clientAddress: actor.clientAddress,
      detail: { target: target.id, name: target.name },
    });
  }

  return result.count;
}

/** Revokes one terminal; the actor may revoke itself (signing out). */
export async function revokeTerminal(id: string, actor: Actor): Promise<void> {
  const count = await revoke([id], actor);
  if (count === 0) throw new PortalError("NOT_FOUND", "No such device.");
}

/** Revokes every terminal but the actor's own. Returns how many. */
export async function revokeOtherTerminals(actor: Actor): Promise<number> {
  const others = await db().terminal.findMany({
    where: { revokedAt: null, id: { not: actor.terminalId } },
    select: { id: true },
  });

  return revoke(
    others.map((row) => row.id),
    actor,
  );
}
