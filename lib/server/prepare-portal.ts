import path from "node:path";
import type { PortalConfig } from "../config/config";
import { db } from "../db/client";
import { applyMigrations, sqliteFile } from "../db/migrate";
import { createPairingCode, type NewPairingCode } from "../pairing/create-pairing-code";
import { ensurePortal, type Owner } from "../portal/ensure-portal";
import { loadSigningKey } from "../session/signing-key";
import { bumpStateVersion } from "../state/state-version";

/**
 * Everything a process needs before it can use the data folder: the schema
 * migrated, the signing key, and the Portal's identity. Safe to run again;
 * the console and the command line both start with it.
 */
export async function preparePortal(
  cfg: PortalConfig,
  root: string,
): Promise<{
  owner: Owner;
  created: boolean;
}> {
  if (cfg.databaseUrl.startsWith("file:")) {
    applyMigrations(sqliteFile(cfg.databaseUrl), path.join(root, "prisma", "migrations"));
  }
  loadSigningKey(cfg.dataDir);

  const result = await ensurePortal({
    domain: cfg.domain,
    username: process.env.PORTAL_OWNER_USERNAME,
    email: process.env.PORTAL_OWNER_EMAIL,
    displayName: process.env.PORTAL_OWNER_NAME,
  });
  if (result.created) await bumpStateVersion("portal");

  return result;
}

/** A pairing code for the operator, when no device is paired yet. */
export async function firstPairingCode(cfg: PortalConfig): Promise<NewPairingCode | null> {
  const paired = await db().terminal.count({ where: { revokedAt: null } });
  if (paired > 0) return null;

  return createPairingCode({ portalUrl: cfg.portalUrl, ttlSeconds: cfg.pairingCodeTtlSeconds });
}
