import fs from "node:fs";
import path from "node:path";
import type { PortalConfig } from "../config/config";
import { loadAppStates } from "../state/load-app-states";
import {
  isUpstream,
  type ProxySetup,
  parseUpstreamMap,
  portalHeaderNames,
  proxyApps,
  proxyListenPort,
} from "./proxy-setup";

/**
 * The proxy setup of this Portal: its configuration, the installed apps and
 * their rules from the database, entry ports from the catalog, and these
 * overrides from the environment:
 *
 * - `PORTAL_AUTH_UPSTREAM`: where the proxy reaches the forward-auth listener
 *   (default `127.0.0.1:<PORTAL_AUTH_PORT>`)
 * - `PORTAL_CONSOLE_UPSTREAM`: where it reaches the console (default `127.0.0.1:<PORT>`)
 * - `PORTAL_APP_UPSTREAMS`: `name=host:port,...` for apps not reached as
 *   their container `<name>:<entry port>`
 * - `PORTAL_PROXY_PORT`: the port the proxy listens on, when not the Portal URL's
 * - `PORTAL_TRAEFIK_ENTRYPOINT`, `PORTAL_NGINX_RESOLVER`
 *
 * @throws Error naming the variable when an override is malformed.
 */
export async function loadProxySetup(
  cfg: PortalConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProxySetup> {
  const apps = (await loadAppStates()).map((app) => ({
    ...app,
    entryPort: entryPort(cfg.catalogDir, app.name),
  }));
  const listed = proxyApps(apps, parseUpstreamMap(env.PORTAL_APP_UPSTREAMS));
  const scheme = cfg.portalUrl.startsWith("https:") ? "https" : "http";

  return {
    domain: cfg.domain,
    scheme,
    listenPort: proxyListenPort(cfg.portalUrl, cfg.proxyPort),
    consoleUpstream: upstream(env, "PORTAL_CONSOLE_UPSTREAM", `127.0.0.1:${cfg.port}`),
    authUpstream: upstream(env, "PORTAL_AUTH_UPSTREAM", `127.0.0.1:${cfg.authPort}`),
    apps: listed,
    portalHeaderNames: portalHeaderNames(listed),
    caddyAdmin: cfg.caddyAdmin || "off",
    traefikEntrypoint: env.PORTAL_TRAEFIK_ENTRYPOINT || scheme,
    nginxResolver: env.PORTAL_NGINX_RESOLVER || "127.0.0.11",
  };
}

function upstream(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name] || fallback;
  if (!isUpstream(value)) throw new Error(`${name}: "${value}" is not HOST:PORT`);

  return value;
}

/** The entry port in the app's catalog manifest; 80 when the entry cannot be read. */
function entryPort(catalogDir: string, name: string): number | undefined {
  try {
    const text = fs.readFileSync(path.join(catalogDir, name, "manifest.json"), "utf8");
    const port: unknown = (JSON.parse(text) as { entry?: { port?: unknown } }).entry?.port;

    return typeof port === "number" && Number.isInteger(port) ? port : undefined;
  } catch {
    return undefined;
  }
}
