import { db } from "../db/client";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";
import { appEvents } from "./app-events";
import type { AppStateName } from "./app-state";

/**
 * Moves an app to `state` and tells everyone who watches: the row and the
 * apps' change counter in one transaction, then the in-memory store that
 * the forward-auth path reads, then the app's event stream.
 */
export async function setAppState(
  name: string,
  state: AppStateName,
  reason = "",
  extra: { resumeCount?: number; deleteData?: boolean } = {},
): Promise<void> {
  await db().$transaction([
    db().app.updateMany({ where: { name }, data: { state, stateReason: reason, ...extra } }),
    bumpStateVersion("apps"),
  ]);
  await stateStore().reload("apps");
  appEvents().state(name, state, reason);
}
