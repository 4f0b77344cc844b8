import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
// Every port of a run is counted from one base, so that two checkouts can
// run their suites side by side (E2E_PORT_BASE=4100 in the second).
const base = Number(process.env.E2E_PORT_BASE) || 3100;

/**
 * The fixed facts of an e2e run. The Portal domain is a test name that
 * Chromium maps to loopback (see playwright.config.ts), so cookies scoped to
 * the domain behave as on a real Portal; no name leaves the machine.
 */
export const e2eEnv = {
  root,
  domain: "portal.test",
  consolePort: base,
  authPort: base + 1,
  caddyAdminPort: base + 19,
  caddyPort: base + 80,
  nginxPort: base + 81,
  whoamiPort: base + 82,
  // forward-auth.spec.ts runs its own proxies and app beside apps.spec.ts's Caddy.
  faCaddyPort: base + 83,
  faNginxPort: base + 84,
  faWhoamiPort: base + 85,
  portalUrl: `http://portal.test:${base}`,
  workDir: path.join(root, ".e2e"),
  dataDir: path.join(root, ".e2e", "data"),
  // The bundled catalog plus the entries only tests use (e2e/catalog).
  catalogDir: path.join(root, ".e2e", "catalog"),
  statePath: path.join(root, ".e2e", "console.json"),
  ownerStatePath: path.join(root, ".e2e", "owner-storage.json"),
  screenshotsDir: path.join(root, "docs", "screenshots"),
};
