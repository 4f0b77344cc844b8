import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * The fixed facts of an e2e run. The Portal domain is a test name that
 * Chromium maps to loopback (see playwright.config.ts), so cookies scoped to
 * the domain behave as on a real Portal; no name leaves the machine.
 */
export const e2eEnv = {
  root,
  domain: "portal.test",
  consolePort: 3100,
  authPort: 3101,
  portalUrl: "http://portal.test:3100",
  workDir: path.join(root, ".e2e"),
  dataDir: path.join(root, ".e2e", "data"),
  // The bundled catalog plus the entries only tests use (e2e/catalog).
  catalogDir: path.join(root, ".e2e", "catalog"),
  statePath: path.join(root, ".e2e", "console.json"),
  ownerStatePath: path.join(root, ".e2e", "owner-storage.json"),
  screenshotsDir: path.join(root, "docs", "screenshots"),
};
