import { defineConfig } from "@playwright/test";
import { e2eEnv } from "./e2e/support/env";

// One console for the whole run (a fresh data folder, the production build),
// started by the global setup; the specs share it one at a time.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results/e2e",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: e2eEnv.portalUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--host-resolver-rules=MAP ${e2eEnv.domain} 127.0.0.1, MAP *.${e2eEnv.domain} 127.0.0.1`,
      ],
    },
  },
  projects: [
    { name: "first-device", testMatch: /first-device\.setup\.ts/ },
    { name: "console", dependencies: ["first-device"], testMatch: /\.spec\.ts$/ },
  ],
});
