export type HostClass =
  | { kind: "app"; name: string }
  | { kind: "console" }
  | { kind: "under-domain" }
  | { kind: "foreign" };

/**
 * Where a host name points: an app's `NAME.<domain>` (one label, so
 * `a.b.<domain>` names no app), the console's own bare domain, some other
 * name under the domain, or a host outside it. Expects the lower-case,
 * port-less form that parseAuthRequest gives.
 */
export function classifyHost(hostname: string, domain: string): HostClass {
  if (hostname === domain) return { kind: "console" };
  if (!hostname.endsWith(domain) || hostname[hostname.length - domain.length - 1] !== ".") {
    return { kind: "foreign" };
  }

  const label = hostname.slice(0, hostname.length - domain.length - 1);
  if (!label || label.includes(".")) return { kind: "under-domain" };

  return { kind: "app", name: label };
}
