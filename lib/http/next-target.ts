/**
 * Where the pairing page may send the browser afterwards: a path of the
 * console, or an http(s) URL on the Portal domain or one of its app
 * subdomains. Anything else (other hosts, `//evil`, `javascript:`, encoded or
 * backslashed tricks) gives null, and the caller falls back to the console.
 */
export function safeNextTarget(next: string | null | undefined, portalUrl: string): string | null {
  if (!next || next.length > 4096) return null;
  // Browsers treat a backslash as a slash and drop tabs and newlines, so
  // "/\evil" and "/\t/evil" would leave the Portal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;

  const portal = new URL(portalUrl);
  let target: URL;
  try {
    target = new URL(next, portal);
  } catch {
    return null;
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return null;
  if (target.username || target.password) return null;

  const domain = portal.hostname.toLowerCase();
  const host = target.hostname.toLowerCase().replace(/\.$/, "");
  const onPortal = host === domain || host.endsWith(`.${domain}`);
  if (!onPortal) return null;

  // A relative path stays relative, so it cannot change scheme or host.
  if (next.startsWith("/") && !next.startsWith("//")) {
    return target.origin === portal.origin
      ? `${target.pathname}${target.search}${target.hash}`
      : null;
  }

  return target.toString();
}
