import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { consoleEnv } from "./console-process";
import { e2eEnv } from "./env";

export type TestRule = { prefix: string; access: "public" | "private" };

/**
 * Writes an installed app straight into the console's database, as another
 * process would, and bumps the apps counter so the console's forward auth
 * picks it up at its next poll. No container backs it: the test runs the
 * app itself and points the proxy at it.
 */
export function addTestApp(name: string, rules: TestRule[]): void {
  withDatabase((sqlite) => {
    // A run cut short may have left the app behind.
    deleteApp(sqlite, name);
    sqlite
      .prepare(
        `INSERT INTO App (name, title, version, state, updatedAt)
         VALUES (?, ?, '1', 'running', CURRENT_TIMESTAMP)`,
      )
      .run(name, name);
    const rule = sqlite.prepare(
      "INSERT INTO AccessRule (appName, prefix, access, headers) VALUES (?, ?, ?, '{}')",
    );
    for (const { prefix, access } of rules) rule.run(name, prefix, access);
  });
}

/** Removes an app written by addTestApp, rules first. */
export function removeTestApp(name: string): void {
  withDatabase((sqlite) => deleteApp(sqlite, name));
}

function deleteApp(sqlite: Database.Database, name: string): void {
  sqlite.prepare("DELETE FROM AccessRule WHERE appName = ?").run(name);
  sqlite.prepare("DELETE FROM App WHERE name = ?").run(name);
}

function withDatabase(change: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(path.join(e2eEnv.dataDir, "portal.db"));
  // The console writes too (last-seen times, audit events): wait for its lock.
  sqlite.pragma("busy_timeout = 5000");
  try {
    sqlite.transaction(() => {
      change(sqlite);
      sqlite
        .prepare(
          `INSERT INTO StateVersion (id, version) VALUES ('apps', 1)
           ON CONFLICT(id) DO UPDATE SET version = version + 1`,
        )
        .run();
    })();
  } finally {
    sqlite.close();
  }
}

/**
 * The proxy config as the operator gets it, `npm run portal -- proxy-config
 * KIND`, run with the e2e console's environment plus `overrides`.
 */
export function generatedProxyConfig(
  kind: "caddy" | "nginx",
  overrides: Record<string, string>,
): string {
  return execFileSync(
    path.join(e2eEnv.root, "node_modules", ".bin", "tsx"),
    ["scripts/portal.ts", "proxy-config", kind],
    {
      cwd: e2eEnv.root,
      env: { ...process.env, ...consoleEnv(), LOG_LEVEL: "warn", ...overrides },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
}
