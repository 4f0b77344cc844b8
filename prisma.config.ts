import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/config/database-url";

// The schema reads DATABASE_URL; without it the CLI falls back to a native
// engine it would have to download, which cannot be done here.
process.env.DATABASE_URL ??= databaseUrl(process.env);

// Prisma's native schema engine cannot be downloaded on our machines, so the
// CLI runs on the JavaScript engine through the same adapter as the app.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl(process.env) });
  },
});
