import { z } from "zod";
import { db } from "../db/client";
import { jsonObject } from "../db/json-column";

export const activityQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ActivityEvent = {
  id: number;
  at: string;
  action: string;
  terminalId: string | null;
  terminalName: string | null;
  clientAddress: string;
  detail: Record<string, unknown>;
};

/** The audit trail, newest first, a page at a time (`before` is an event id). */
export async function listEvents(query: z.infer<typeof activityQuerySchema>): Promise<{
  events: ActivityEvent[];
  nextBefore: number | null;
}> {
  const rows = await db().auditEvent.findMany({
    where: query.before ? { id: { lt: query.before } } : {},
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const ids = [...new Set(page.map((row) => row.terminalId).filter((id): id is string => !!id))];
  const terminals = await db().terminal.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  const names = new Map(terminals.map((t) => [t.id, t.name]));

  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      terminalId: row.terminalId,
      terminalName: row.terminalId ? (names.get(row.terminalId) ?? null) : null,
      clientAddress: row.clientAddress,
      detail: jsonObject(row.detail),
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
