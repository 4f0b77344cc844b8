import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const migrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/**
 * Applies the committed migrations that the database has not seen yet.
 *
 * It keeps Prisma's own bookkeeping table, so `prisma migrate deploy` and
 * `prisma migrate status` agree with it; running it here instead of the CLI
 * saves the CLI's start-up on every start of the console.
 */
export function applyMigrations(dbFile: string, migrationsDir: string): string[] {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const sqlite = new Database(dbFile);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(migrationsTable);
    const done = new Set(
      sqlite
        .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`)
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const names = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      sqlite.transaction(() => {
        sqlite.exec(sql);
        sqlite
          .prepare(
            `INSERT INTO _prisma_migrations
             (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES (?, ?, current_timestamp, ?, 1)`,
          )
          .run(randomUUID(), checksum, name);
      })();
      applied.push(name);
    }

    return applied;
  } finally {
    sqlite.close();
  }
}

/** The SQLite file behind a `file:` database URL. */
export function sqliteFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("Only SQLite (file:) database URLs are supported");
  }

  return path.resolve(databaseUrl.slice("file:".length));
}
