import type { AuthTarget } from "./parse-auth-request";

/**
 * The console's pairing page with the original absolute URL as its return
 * target. WebSocket schemes map to their HTTP twins: after pairing, the
 * browser comes back to the page, not to the socket.
 */
export function loginUrl(portalUrl: string, target: AuthTarget): string {
  const scheme = target.proto === "wss" || target.proto === "https" ? "https" : "http";
  const original = `${scheme}://${target.authority}${target.rawUri}`;

  return `${portalUrl}/pair?next=${encodeURIComponent(original)}`;
}

/**
 * A browser navigation: a GET or HEAD that accepts HTML and is not a
 * script's XMLHttpRequest. Only those are redirected; anything else gets a
 * 401, which a script can handle and which never loops through a login page.
 */
export function isBrowserNavigation(
  method: string,
  accept: string | null | undefined,
  xRequestedWith: string | null | undefined,
): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (xRequestedWith && xRequestedWith.toLowerCase() === "xmlhttprequest") return false;

  return !!accept && accept.toLowerCase().includes("text/html");
}
