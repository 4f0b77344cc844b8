import { caddyConfig } from "./caddy";
import { nginxConfig } from "./nginx";
import type { ProxySetup } from "./proxy-setup";
import { traefikConfig } from "./traefik";

export const proxyKinds = ["traefik", "caddy", "nginx"] as const;

export type ProxyKind = (typeof proxyKinds)[number];

export function isProxyKind(value: string | undefined): value is ProxyKind {
  return proxyKinds.includes(value as ProxyKind);
}

/** The config file for `kind`, complete and ready to run. */
export function renderProxyConfig(kind: ProxyKind, setup: ProxySetup): string {
  if (kind === "traefik") return traefikConfig(setup);
  if (kind === "caddy") return caddyConfig(setup);

  return nginxConfig(setup);
}
