import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { type AppLogLine, appEvents } from "./app-events";
import { appUrl } from "./app-url";

export type AppView = {
  name: string;
  title: string;
  version: string;
  state: string;
  reason: string;
  /** Where the app opens: `NAME.<domain>`, see appUrl. */
  url: string;
  installedAt: string;
  updatedAt: string;
};

type Row = {
  name: string;
  title: string;
  version: string;
  state: string;
  stateReason: string;
  createdAt: Date;
  updatedAt: Date;
};

function toView(row: Row): AppView {
  return {
    name: row.name,
    title: row.title,
    version: row.version,
    state: row.state,
    reason: row.stateReason,
    url: appUrl(row.name),
    installedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The installed apps, by name. */
export async function listApps(): Promise<AppView[]> {
  const rows = await db().app.findMany({ orderBy: { name: "asc" } });

  return rows.map(toView);
}

/** One installed app and its last log lines; NOT_FOUND when it is not installed. */
export async function getApp(name: string): Promise<AppView & { log: AppLogLine[] }> {
  const row = await db().app.findUnique({ where: { name } });
  if (!row) throw new PortalError("NOT_FOUND", `${name} is not installed.`);

  return { ...toView(row), log: appEvents().tail(name, 100) };
}

/** The state of an app, or undefined when it is not installed. */
export async function appStateOf(name: string) {
  const row = await db().app.findUnique({
    where: { name },
    select: { state: true, stateReason: true },
  });

  return row ? { state: row.state, reason: row.stateReason } : undefined;
}
