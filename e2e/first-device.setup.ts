import { expect, test } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { consoleInfo } from "./support/fixtures";

test("the pairing link printed at first start pairs the first device", async ({ page }) => {
  const { firstPairingUrl } = consoleInfo();
  expect(firstPairingUrl).toMatch(new RegExp(`^${e2eEnv.portalUrl}/pair\\?code=\\d{8}$`));

  await page.goto(firstPairingUrl);

  await expect(page).toHaveURL(`${e2eEnv.portalUrl}/`);
  await expect(page.getByRole("heading", { name: "Your apps" })).toBeVisible();
  await page.getByRole("link", { name: "Devices" }).click();
  await expect(page.getByRole("heading", { name: "Devices" })).toBeVisible();
  await expect(page.getByText("This device", { exact: true })).toBeVisible();

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "ptl_session");
  expect(session).toMatchObject({ domain: ".portal.test", httpOnly: true, sameSite: "Lax" });

  await page.context().storageState({ path: e2eEnv.ownerStatePath });
});
