import path from "node:path";

/**
 * The database URL: DATABASE_URL when set, else the SQLite file in the data
 * folder. Kept apart from the rest of the configuration because the Prisma
 * CLI needs it before anything else is loaded.
 */
export function databaseUrl(env: Record<string, string | undefined>): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;

  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.PORTAL_DATA_DIR || "./data");

  return `file:${path.join(dataDir, "portal.db")}`;
}
