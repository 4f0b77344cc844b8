import { db } from "../db/client";
import { randomId } from "./random-id";

export type Owner = {
  portalId: string;
  username: string;
  email: string;
  displayName: string;
};

type OwnerDefaults = {
  domain: string;
  username?: string;
  email?: string;
  displayName?: string;
};

/**
 * Creates the Portal's identity on first start and returns it; later starts
 * return what was made then. The owner's username defaults to the Portal id,
 * and the email to that username at the Portal domain.
 */
export async function ensurePortal(
  defaults: OwnerDefaults,
): Promise<{ owner: Owner; created: boolean }> {
  const existing = await db().portal.findUnique({ where: { id: "portal" } });
  if (existing) return { owner: toOwner(existing), created: false };

  const portalId = randomId(6);
  const username = defaults.username || portalId;
  const row = await db().portal.create({
    data: {
      portalId,
      ownerUsername: username,
      ownerEmail: defaults.email || `${username}@${defaults.domain}`,
      ownerDisplayName: defaults.displayName || "Portal owner",
    },
  });

  return { owner: toOwner(row), created: true };
}

/** The owner, or null before the first start has made one. */
export async function readOwner(): Promise<Owner | null> {
  const row = await db().portal.findUnique({ where: { id: "portal" } });

  return row ? toOwner(row) : null;
}

function toOwner(row: {
  portalId: string;
  ownerUsername: string;
  ownerEmail: string;
  ownerDisplayName: string;
}): Owner {
  return {
    portalId: row.portalId,
    username: row.ownerUsername,
    email: row.ownerEmail,
    displayName: row.ownerDisplayName,
  };
}
