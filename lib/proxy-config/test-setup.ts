// A Portal with two apps, for the proxy config tests.
import { type ProxySetup, portalHeaderNames, proxyApps } from "./proxy-setup";

export function sampleSetup(overrides: Partial<ProxySetup> = {}, upstreams = new Map()) {
  const apps = proxyApps(
    [
      {
        name: "whoami",
        state: "running",
        rules: [{ prefix: "", access: "private", headers: {} }],
      },
      {
        name: "wiki",
        state: "running",
        entryPort: 8080,
        rules: [
          { prefix: "", access: "private", headers: { "X-Ptl-Email": "{{ownerEmail}}" } },
          { prefix: "/share", access: "public", headers: {} },
        ],
      },
    ],
    upstreams,
  );
  const setup: ProxySetup = {
    domain: "portal.test",
    scheme: "http",
    listenPort: 18080,
    consoleUpstream: "127.0.0.1:3000",
    authUpstream: "127.0.0.1:3001",
    apps,
    portalHeaderNames: portalHeaderNames(apps),
    caddyAdmin: "off",
    traefikEntrypoint: "http",
    nginxResolver: "127.0.0.11",
    ...overrides,
  };

  return setup;
}
