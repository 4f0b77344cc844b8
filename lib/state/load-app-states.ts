import { db } from "../db/client";
import { stringRecord } from "../db/json-column";
import type { AppState } from "./state-store";

/** The installed apps with their access rules, as forward auth and the proxy configs read them. */
export async function loadAppStates(): Promise<AppState[]> {
  const rows = await db().app.findMany({ include: { accessRules: true } });

  return rows.map((row) => ({
    name: row.name,
    state: row.state,
    rules: row.accessRules.map((rule) => ({
      prefix: rule.prefix,
      access: rule.access === "public" ? "public" : "private",
      headers: stringRecord(rule.headers),
    })),
  }));
}
