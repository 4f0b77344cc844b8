import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { startConsole } from "./support/console-process";
import {
  containersWithPrefix,
  dockerAnswers,
  e2eDocker,
  removeDockerLeftovers,
} from "./support/docker";
import { e2eEnv } from "./support/env";
import { apiFromPage, consoleInfo, expect, test } from "./support/fixtures";
import { type Background, startCaddy } from "./support/processes";

// Installs run against the real Docker Engine, with real Caddy in front
// that the console reconfigures through its admin API after each install.
// The whoami image is built locally by the global setup; the convos image
// cannot be pulled here, which is the point of its test.
test.describe.configure({ mode: "serial" });
test.skip(!dockerAnswers(), "no Docker Engine answers (source scripts/start-docker.sh)");

const prefix = `${e2eDocker.runPrefix()}-`;
const appUrl = `http://whoami.${e2eEnv.domain}:${e2eDocker.caddyPort}`;
const dataDir = path.join(e2eEnv.dataDir, "app-data", "whoami");
let caddy: Background | undefined;
// A page of the console that does nothing on its own, to call the API from.
const apiPage = "/api/me";

type AppBody = { app: { state: string; reason: string; url: string } };

/** Follows the app's event stream in the page until a state in `until` arrives. */
async function followEvents(page: Page, name: string, until: string[]) {
  return page.evaluate(
    ({ name, until }) =>
      new Promise<{ states: string[]; log: string[] }>((resolve, reject) => {
        const states: string[] = [];
        const log: string[] = [];
        const source = new EventSource(`/api/apps/${name}/events`);
        const timer = setTimeout(() => {
          source.close();
          reject(new Error(`no ${until.join("/")} in 60 s: ${states.join(", ")}`));
        }, 60_000);
        source.addEventListener("log", (event) => {
          log.push((JSON.parse((event as MessageEvent).data) as { line: string }).line);
        });
        source.addEventListener("state", (event) => {
          const { state } = JSON.parse((event as MessageEvent).data) as { state: string };
          states.push(state);
          if (until.includes(state)) {
            clearTimeout(timer);
            source.close();
            resolve({ states, log });
          }
        });
      }),
    { name, until },
  );
}

async function appState(page: Page, name: string): Promise<string> {
  const response = await apiFromPage(page, `/api/apps/${name}`);
  if (response.status === 404) return "absent";

  return (response.body as AppBody).app.state;
}

async function install(page: Page, name: string) {
  const response = await apiFromPage(page, "/api/apps", { method: "POST", body: { name } });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

async function uninstall(page: Page, name: string, keepData: boolean) {
  const query = keepData ? "" : "?keepData=false";
  const response = await apiFromPage(page, `/api/apps/${name}${query}`, { method: "DELETE" });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  await expect.poll(() => appState(page, name), { timeout: 60_000 }).toBe("absent");
}

test.beforeAll(async () => {
  caddy = await startCaddy(
    [
      `{\n\tadmin 127.0.0.1:${e2eDocker.caddyAdminPort}\n}`,
      `http://${e2eEnv.domain}:${e2eDocker.caddyPort} {\n\trespond "no apps yet"\n}`,
      "",
    ].join("\n"),
    e2eDocker.caddyPort,
  );
});

test.afterAll(async () => {
  await caddy?.stop();
  removeDockerLeftovers(prefix, [`${prefix}portal`]);
});

test("Install on the catalog page streams progress to running; Open shows it signed in", async ({
  browser,
  ownerPage: page,
}) => {
  await page.goto(apiPage);
  const me = (await apiFromPage(page, "/api/me")).body as { owner: { username: string } };

  await page.goto("/catalog/whoami");
  await page.getByRole("button", { name: "Install Whoami" }).click();

  await expect(page).toHaveURL(/\/apps\/whoami$/);
  const log = page.getByRole("log", { name: "Whoami log" });
  await expect(log).toContainText("Checking the Docker Engine");
  await expect(page.getByText("Running", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(log).toContainText(/Creating .*whoami/);
  await page.screenshot({ path: path.join(e2eEnv.screenshotsDir, "install-desktop.png") });

  const opened = page.waitForEvent("popup");
  await page.getByRole("link", { name: "Open Whoami" }).click();
  const app = await opened;
  await expect(app).toHaveURL(`${appUrl}/`);
  await app.goto(`${appUrl}/cgi-bin/headers`);
  await expect(app.locator("body")).toContainText(`x-ptl-user: ${me.owner.username}`);
  await expect(app.locator("body")).toContainText("x-ptl-client-type: terminal");
  await app.close();

  const listed = (await apiFromPage(page, "/api/apps")).body as { apps: AppBody["app"][] };
  expect(listed.apps.map((a) => [a.state, a.url])).toContainEqual(["running", appUrl]);

  // The home screen launches it, on a phone as on a desktop.
  for (const [name, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 800 }],
  ] as const) {
    const context = await browser.newContext({ viewport, storageState: e2eEnv.ownerStatePath });
    const home = await context.newPage();
    await home.goto("/");
    const tile = home.getByRole("list", { name: "Installed apps" }).getByRole("listitem");
    await expect(tile.getByRole("link", { name: "Whoami (opens in a new tab)" })).toHaveAttribute(
      "href",
      appUrl,
    );
    await expect(tile.getByText("Running")).toBeVisible();
    await home.screenshot({ path: path.join(e2eEnv.screenshotsDir, `home-${name}.png`) });
    await context.close();
  }
});

test("a page that opens mid-install catches up on the stream first", async ({
  ownerPage: page,
}) => {
  await page.goto(apiPage);
  await uninstall(page, "whoami", true);
  await install(page, "whoami");
  const { states, log } = await followEvents(page, "whoami", ["running", "error"]);

  expect(states.at(-1)).toBe("running");
  expect(log).toContain("Checking the Docker Engine");
});

test("stop and start show stopping and starting at once, then settle", async ({
  ownerPage: page,
}) => {
  await page.goto(apiPage);
  const stop = await apiFromPage(page, "/api/apps/whoami/stop", { method: "POST" });
  expect((stop.body as AppBody).app.state).toBe("stopping");
  await expect.poll(() => appState(page, "whoami"), { timeout: 30_000 }).toBe("stopped");

  const start = await apiFromPage(page, "/api/apps/whoami/start", { method: "POST" });
  expect((start.body as AppBody).app.state).toBe("starting");
  await expect.poll(() => appState(page, "whoami"), { timeout: 30_000 }).toBe("running");
});

test("data survives an uninstall that keeps it, and is gone after one that deletes it", async ({
  ownerPage: page,
}) => {
  await page.goto(`${appUrl}/cgi-bin/note?x`);
  await expect(page.locator("body")).toContainText("kept: x");

  // The first uninstall through the app's page, whose dialog keeps data unless told.
  await page.goto("/apps/whoami");
  await page.getByRole("button", { name: "Uninstall" }).click();
  const dialog = page.getByRole("dialog", { name: "Uninstall Whoami?" });
  await expect(dialog.getByRole("radio", { name: /Keep its data/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Uninstall" }).click();
  await expect(page.getByText("Not installed")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: "Install Whoami" })).toBeVisible();
  expect(await appState(page, "whoami")).toBe("absent");
  expect(fs.existsSync(path.join(dataDir, "note.txt"))).toBe(true);
  expect(containersWithPrefix(`${prefix}whoami`)).toEqual([]);

  await install(page, "whoami");
  await expect.poll(() => appState(page, "whoami"), { timeout: 60_000 }).toBe("running");
  await page.goto(`${appUrl}/cgi-bin/headers`);
  await expect(page.locator("body")).toContainText("note: x");

  await page.goto(apiPage);
  await uninstall(page, "whoami", false);
  expect(fs.existsSync(dataDir)).toBe(false);
});

test("a bundled app whose image cannot be pulled ends in error, with nothing left", async ({
  ownerPage: page,
}) => {
  await page.goto(apiPage);
  await install(page, "convos");
  const { states } = await followEvents(page, "convos", ["running", "error"]);
  expect(states.at(-1)).toBe("error");

  const { app } = (await apiFromPage(page, "/api/apps/convos")).body as AppBody;
  expect(app.reason).toMatch(/^The image \S+convos\S+ could not be downloaded \(.+\)\. Check/);
  expect(containersWithPrefix(`${prefix}convos`)).toEqual([]);
  await uninstall(page, "convos", false);
});

test("a console killed mid-install comes back and the app ends running or in error", async ({
  ownerPage: page,
}) => {
  await page.goto(apiPage);
  await install(page, "whoami");
  const before = consoleInfo();
  process.kill(-before.pid, "SIGKILL");
  await expect
    .poll(() => apiFromPage(page, "/api/me").catch(() => ({ status: 0 })), { timeout: 10_000 })
    .toMatchObject({ status: 0 });

  const restarted = await startConsole({}, { expectPairing: false });
  fs.writeFileSync(
    e2eEnv.statePath,
    JSON.stringify({ ...restarted, firstPairingUrl: before.firstPairingUrl }, null, 2),
  );
  await page.goto(apiPage);
  await expect
    .poll(() => appState(page, "whoami"), { timeout: 60_000 })
    .toMatch(/^(running|error)$/);

  await uninstall(page, "whoami", false);
  expect(containersWithPrefix(`${prefix}whoami`)).toEqual([]);
});
