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

/**
 * The session token in a Cookie header, if any: the first `ptl_session`
 * pair. Scans the header in place rather than splitting it, since forward
 * auth reads it on every request to every app.
 */
export function sessionTokenFromCookieHeader(header: string | undefined | null): string | null {
  if (!header) return null;
  const name = sessionCookieName;
  let at = header.indexOf(name);
  while (at !== -1) {
    const end = at + name.length;
    if (header.charCodeAt(end) === 61 && startsPair(header, at)) {
      const semicolon = header.indexOf(";", end);
      const value = header.slice(end + 1, semicolon === -1 ? header.length : semicolon).trim();

      return value || null;
    }
    at = header.indexOf(name, end);
  }

  return null;
}

/** Whether position `at` starts a cookie pair: only spaces since the last ";" or the start. */
function startsPair(header: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = header.charCodeAt(i);
    if (c === 59) return true; // ";"
    if (c !== 32 && c !== 9) return false;
  }

  return true;
}

/** The token of an `Authorization: Bearer` header, if any. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);

  return match?.[1] ?? null;
}
