import fs from "node:fs";
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import type { ConsoleInfo } from "./console-process";
import { e2eEnv } from "./env";

/** What the global setup recorded about the running console. */
export function consoleInfo(): ConsoleInfo {
  return JSON.parse(fs.readFileSync(e2eEnv.statePath, "utf8")) as ConsoleInfo;
}

/**
 * Calls the console API from inside a page, as the UI does: the browser adds
 * the cookie and the Origin header. (Node cannot resolve the test domain.)
 */
export async function apiFromPage(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  if (!page.url().startsWith(e2eEnv.portalUrl)) await page.goto("/pair");

  return page.evaluate(
    async ({ path, method, body }) => {
      const response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();

      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { path, method: init.method ?? "GET", body: init.body },
  );
}

/**
 * Makes a pairing code from an already paired context, as the devices page
 * does, and returns its URL.
 */
export async function newPairingUrl(paired: BrowserContext): Promise<string> {
  const page = await paired.newPage();
  const response = await apiFromPage(page, "/api/pairing-codes", { method: "POST" });
  await page.close();
  expect(response.status).toBe(201);

  return (response.body as { url: string }).url;
}

/** A new browser context paired through the pairing link, named `name`. */
export async function pairedContext(
  browser: Browser,
  owner: BrowserContext,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = new URL(await newPairingUrl(owner));
  // Keep the code but stop the automatic submit: fill the name first.
  await page.goto(`/pair`);
  await page.getByLabel("Pairing code").fill(url.searchParams.get("code") ?? "");
  await page.getByLabel("Device name").fill(name);
  await page.getByRole("button", { name: "Pair", exact: true }).click();
  await expect(page).toHaveURL(`${e2eEnv.portalUrl}/`);

  return { context, page };
}

type Fixtures = { owner: BrowserContext; ownerPage: Page };

/** `owner` is the first paired device, shared by every spec. */
export const test = base.extend<Fixtures>({
  owner: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: e2eEnv.ownerStatePath });
    await use(context);
    await context.close();
  },
  ownerPage: async ({ owner }, use) => {
    await use(await owner.newPage());
  },
});

export { expect };
