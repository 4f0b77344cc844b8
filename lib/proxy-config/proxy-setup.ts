import { compileApp, defaultHeaderNames } from "../forward-auth/compile-rules";
import type { AppState } from "../state/state-store";

/** One installed app as a proxy sees it. */
export type ProxyApp = {
  name: string;
  /** `host:port` the proxy sends the app's traffic to. */
  upstream: string;
  /** Whether `upstream` was given by the operator rather than derived. */
  overridden: boolean;
  /** Every identity header this app can receive: the default four, then its rules' own. */
  headerNames: string[];
};

/** Everything a generated proxy config depends on. */
export type ProxySetup = {
  domain: string;
  scheme: "http" | "https";
  /** The port the proxy listens on: the Portal URL's, or 80/443. */
  listenPort: number;
  /** `host:port` of the console (Next.js). */
  consoleUpstream: string;
  /** `host:port` of the forward-auth listener. */
  authUpstream: string;
  apps: ProxyApp[];
  /** Every X-Ptl-* name the Portal sets for any app; nginx clears the rest by name. */
  portalHeaderNames: string[];
  /** Caddy's admin endpoint, or "off". */
  caddyAdmin: string;
  /** Traefik's entrypoint name for routers. */
  traefikEntrypoint: string;
  /** DNS resolver nginx uses for upstreams given by name (Docker's by default). */
  nginxResolver: string;
};

const appNameRe = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const upstreamRe = /^([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;

/** Whether a string is a `host:port` a config may embed without quoting. */
export function isUpstream(value: string): boolean {
  return upstreamRe.test(value);
}

/** Whether an app name is a DNS label; others are left out of every config. */
export function isAppName(value: string): boolean {
  return appNameRe.test(value);
}

/**
 * The port the proxy listens on: `PORTAL_PROXY_PORT` when the proxy is not
 * the one the Portal URL names (a proxy on the host beside a console that
 * owns the URL's port), else the URL's port, or 80/443. The configuration
 * has already refused a PORTAL_PROXY_PORT that is not a port.
 */
export function proxyListenPort(portalUrl: string, proxyPort: number | undefined): number {
  if (proxyPort !== undefined) return proxyPort;
  const url = new URL(portalUrl);
  if (url.port) return Number(url.port);

  return url.protocol === "https:" ? 443 : 80;
}

/** Parses `whoami=127.0.0.1:18080,wiki=10.0.0.5:80`; throws on a malformed entry. */
export function parseUpstreamMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of (text ?? "").split(",")) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const [name = "", upstream = ""] = trimmed.split("=").map((s) => s.trim());
    if (!isAppName(name) || !isUpstream(upstream)) {
      throw new Error(`PORTAL_APP_UPSTREAMS: "${trimmed}" is not NAME=HOST:PORT`);
    }
    map.set(name, upstream);
  }

  return map;
}

/**
 * The apps as a proxy config needs them. Header names come from the same
 * compiled rules the decision uses, so a config copies exactly the headers
 * the listener answers with.
 */
export function proxyApps(
  apps: Iterable<AppState & { entryPort?: number }>,
  overrides: ReadonlyMap<string, string>,
): ProxyApp[] {
  const out: ProxyApp[] = [];
  for (const app of apps) {
    if (!isAppName(app.name)) continue;
    const compiled = compileApp(app);
    const override = overrides.get(app.name);
    out.push({
      name: app.name,
      // Apps are containers on the shared proxy network, named after the app.
      upstream: override ?? `${app.name}:${app.entryPort ?? 80}`,
      overridden: override !== undefined,
      headerNames: [...defaultHeaderNames, ...compiled.extraHeaderNames],
    });
  }

  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The union of the apps' header names, defaults first. */
export function portalHeaderNames(apps: readonly ProxyApp[]): string[] {
  const extra = new Map<string, string>();
  for (const app of apps) {
    for (const name of app.headerNames) extra.set(name.toLowerCase(), name);
  }
  for (const name of defaultHeaderNames) extra.delete(name.toLowerCase());

  return [...defaultHeaderNames, ...[...extra.values()].sort()];
}
