import { ConfigError, config, type PortalConfig } from "../config/config";
import { logger } from "../log/logger";
import { caddyConfig } from "../proxy-config/caddy";
import { loadProxySetup } from "../proxy-config/load-proxy-setup";
import type { ProxySetup } from "../proxy-config/proxy-setup";
import { engineSettings } from "./app-paths";
import { appContainers, docker } from "./docker-client";

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Checks `PORTAL_CADDY_ADMIN` at start. Caddy's admin API takes a whole new
 * configuration from anyone who can reach it, so only a loopback address
 * is accepted.
 *
 * @throws ConfigError saying what to write instead.
 */
export function checkCaddyAdmin(value: string | undefined): void {
  if (!value) return;
  const match = /^(?:http:\/\/)?(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(value);
  if (!match?.[1] || !loopbackHosts.has(match[1].toLowerCase())) {
    throw new ConfigError(
      [
        `PORTAL_CADDY_ADMIN: "${value}" is not a loopback HOST:PORT.`,
        `Caddy's admin API must only listen on this machine: use for example 127.0.0.1:2019.`,
      ].join(" "),
    );
  }
}

/** The admin API's base URL for a `HOST:PORT` (or `http://HOST:PORT`) value. */
export function caddyAdminUrl(value: string): string {
  return (value.startsWith("http://") ? value : `http://${value}`).replace(/\/$/, "");
}

/**
 * Sends the regenerated Caddyfile to Caddy's admin API (`POST /load`) when
 * `PORTAL_CADDY_ADMIN` is set. Never throws: Caddy keeps its last good
 * config on a refusal, and the returned sentence goes to the app's log.
 */
export async function pushCaddyConfig(cfg: PortalConfig = config()): Promise<string | undefined> {
  if (!cfg.caddyAdmin) return undefined;
  try {
    const caddyfile = caddyConfig(await hostSetup(await loadProxySetup(cfg)));
    const response = await fetch(`${caddyAdminUrl(cfg.caddyAdmin)}/load`, {
      method: "POST",
      headers: { "Content-Type": "text/caddyfile" },
      body: caddyfile,
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return "Caddy has the new configuration.";
    const text = (await response.text()).slice(0, 300);
    logger().warn({ status: response.status, text }, "Caddy refused the configuration");

    return `Caddy refused the new configuration (${response.status}): ${text}`;
  } catch (error) {
    logger().warn({ err: error }, "could not push the Caddy configuration");

    return `Could not reach Caddy's admin API at ${cfg.caddyAdmin}: ${(error as Error).message}`;
  }
}

/**
 * For a Caddy that runs on the host rather than on the shared proxy network
 * (a development box, the e2e run), `PORTAL_PROXY_UPSTREAMS=container-ip`
 * sends each app's traffic to its entry container's address on the proxy
 * network instead of its name, which only Docker's DNS resolves. (Its port,
 * `PORTAL_PROXY_PORT`, is part of the proxy setup, as for the command line.)
 */
async function hostSetup(setup: ProxySetup): Promise<ProxySetup> {
  if (process.env.PORTAL_PROXY_UPSTREAMS !== "container-ip") return setup;

  const apps = await Promise.all(
    setup.apps.map(async (app) => {
      if (app.overridden) return app;
      const address = await entryAddress(app.name);
      const port = app.upstream.split(":").at(-1);

      return address ? { ...app, upstream: `${address}:${port}` } : app;
    }),
  );

  return { ...setup, apps };
}

async function entryAddress(name: string): Promise<string | undefined> {
  const network = engineSettings().network;
  const entryName = `${engineSettings().containerPrefix}${name}`;
  try {
    const entry = (await appContainers(name)).find((c) => c.name === entryName);
    if (!entry) return undefined;
    const info = await docker().getContainer(entry.id).inspect();

    return info.NetworkSettings.Networks[network]?.IPAddress || undefined;
  } catch {
    return undefined;
  }
}
