import { db } from "../db/client";

/** The parts of the in-memory state, each with its own change counter. */
export type StateKind = "terminals" | "apps" | "portal";

/**
 * The write that marks `kind` as changed. Put it in the same transaction as
 * the change, so no reader sees the new counter without the new rows.
 */
export function bumpStateVersion(kind: StateKind) {
  return db().stateVersion.upsert({
    where: { id: kind },
    create: { id: kind, version: 1 },
    update: { version: { increment: 1 } },
  });
}
