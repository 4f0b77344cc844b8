import { config } from "../config/config";

/**
 * Where an app answers: NAME.<domain> with the console's scheme, on the
 * proxy's port (PORTAL_PROXY_PORT) when that is set, else the console's.
 */
export function appUrl(name: string, cfg = config()): string {
  const url = new URL(cfg.portalUrl);
  url.hostname = `${name}.${cfg.domain}`;
  if (cfg.proxyPort !== undefined) url.port = String(cfg.proxyPort);

  return url.origin;
}
