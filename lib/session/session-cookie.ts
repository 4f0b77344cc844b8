import type { PortalConfig } from "../config/config";

/** The session cookie's name; the same on http and https so apps see one name. */
export const sessionCookieName = "ptl_session";

/**
 * The session cookie's attributes. Domain is the Portal domain so that every
 * app at NAME.<domain> receives it and forward auth can read it.
 */
export function sessionCookieOptions(config: PortalConfig) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: config.secure,
    domain: config.domain,
  };
}

/** The session token in a Cookie header, if any. Cheaper than parsing every cookie. */
export function sessionTokenFromCookieHeader(header: string | undefined | null): string | null {
  if (!header) return null;
  const prefix = `${sessionCookieName}=`;
  for (const part of header.split(";")) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length) || null;
  }

  return null;
}

/** The token of an `Authorization: Bearer` header, if any. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);

  return match?.[1] ?? null;
}
