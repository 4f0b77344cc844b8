import path from "node:path";
import { readConfig } from "../config/config";
import { db } from "../db/client";
import { preparePortal } from "../server/prepare-portal";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * A migrated database with a Portal identity in this test file's own data
 * folder (see setup-env.ts): the real SQLite file, no mocks.
 */
export async function testPortal() {
  const cfg = readConfig();
  const { owner } = await preparePortal(cfg, root);

  return { cfg, owner, db: db() };
}
