import path from "node:path";
import { e2eEnv } from "./support/env";
import { expect, test } from "./support/fixtures";

test("the catalog lists the bundled apps and narrows by search and category", async ({
  ownerPage: page,
}) => {
  await page.goto("/catalog");
  const apps = page.getByRole("list", { name: "Apps" });
  await expect(apps.getByRole("listitem")).not.toHaveCount(0);
  await expect(apps.getByRole("heading", { name: "Convos" })).toBeVisible();

  await page.getByLabel("Search the catalog").fill("bookmark");
  await expect(apps.getByRole("heading", { name: "linkding" })).toBeVisible();
  await expect(apps.getByRole("heading", { name: "Convos" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/catalog\?q=bookmark$/);

  await page.getByLabel("Search the catalog").fill("");
  await page.getByRole("button", { name: "communication" }).click();
  await expect(apps.getByRole("heading", { name: "Convos" })).toBeVisible();
  await expect(apps.getByRole("heading", { name: "linkding" })).toHaveCount(0);

  await page.getByLabel("Search the catalog").fill("no such app anywhere");
  await expect(page.getByText("No app matches.")).toBeVisible();
});

test("an app's page says what is public and offers the install", async ({ ownerPage: page }) => {
  await page.goto("/catalog/linkding");

  await expect(page.getByRole("heading", { name: "linkding", level: 1 })).toBeVisible();
  const access = page.getByRole("region", { name: "Who can reach it" });
  await expect(access.getByText("/api/")).toBeVisible();
  await expect(access.getByText("Public")).toBeVisible();
  await expect(access.getByText("signed in as you")).toBeVisible();
  await expect(page.getByRole("button", { name: "Install linkding" })).toBeVisible();
});

test("an unknown catalog entry is a clear 404", async ({ ownerPage: page }) => {
  const response = await page.goto("/catalog/no-such-app");
  expect(response?.status()).toBe(404);
});

for (const { name, viewport } of [
  { name: "phone", viewport: { width: 390, height: 844 } },
  { name: "desktop", viewport: { width: 1280, height: 800 } },
]) {
  test(`the catalog reads well on a ${name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, storageState: e2eEnv.ownerStatePath });
    const page = await context.newPage();
    await page.goto("/catalog");
    await expect(page.getByRole("list", { name: "Apps" })).toBeVisible();
    // Icons are part of the picture: wait until every one has loaded.
    await expect
      .poll(() =>
        page.$$eval("img", (images) => images.every((img) => img.complete && img.naturalWidth > 0)),
      )
      .toBe(true);
    await page.screenshot({
      path: path.join(e2eEnv.screenshotsDir, `catalog-${name}.png`),
      fullPage: name === "desktop",
    });
    await context.close();
  });
}
