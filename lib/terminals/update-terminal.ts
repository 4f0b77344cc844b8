import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";
import { terminalIcons } from "./guess-device";

export const terminalPatchSchema = z
  .object({
    name: z
      .string()
      .transform((s) => s.replace(/\s+/g, " ").trim())
      .pipe(
        z.string().min(1, "A name cannot be empty").max(64, "Keep the name under 64 characters"),
      )
      .optional(),
    icon: z.enum(terminalIcons).optional(),
  })
  .strict()
  .refine((patch) => patch.name !== undefined || patch.icon !== undefined, {
    message: "Give a name or an icon",
  });

export type TerminalPatch = z.infer<typeof terminalPatchSchema>;

/** Renames a terminal or changes its icon. */
export async function updateTerminal(
  id: string,
  patch: TerminalPatch,
  actor: { terminalId: string; clientAddress: string },
) {
  const existing = await db().terminal.findFirst({ where: { id, revokedAt: null } });
  if (!existing) throw new PortalError("NOT_FOUND", "No such device.");

  const [row] = await db().$transaction([
    db().terminal.update({ where: { id }, data: patch }),
    bumpStateVersion("terminals"),
  ]);
  await stateStore().reload("terminals");
  await recordEvent({
    action: "terminal.renamed",
    terminalId: actor.terminalId,
    clientAddress: actor.clientAddress,
    detail: { target: id, from: existing.name, name: row.name, icon: row.icon },
  });

  return { id: row.id, name: row.name, icon: row.icon };
}
