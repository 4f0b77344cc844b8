import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { config } from "../config/config";
import { PrismaClient } from "./generated/client";

const key = Symbol.for("portal-core.prisma");
type Holder = { [key]?: PrismaClient };

/**
 * The process's one Prisma client. The custom server and the Next.js bundles
 * each load their own copy of this module, so the client lives on globalThis:
 * one SQLite connection, one view of the data.
 */
export function db(): PrismaClient {
  const holder = globalThis as Holder;
  holder[key] ??= new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: config().databaseUrl }),
  });

  return holder[key];
}

export type { PrismaClient };
