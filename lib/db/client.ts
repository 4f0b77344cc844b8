import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { config } from "../config/config";
import { processSingleton } from "../process/process-singleton";
import { PrismaClient } from "./generated/client";

/**
 * The process's one Prisma client (see processSingleton): one SQLite
 * connection, one view of the data.
 */
export function db(): PrismaClient {
  return processSingleton(
    "prisma",
    () => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: config().databaseUrl }) }),
  );
}

export type { PrismaClient };
