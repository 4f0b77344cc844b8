import { e2eEnv } from "./support/env";
import { apiFromPage, expect, newPairingUrl, pairedContext, test } from "./support/fixtures";

test("a code from the first device pairs a second browser, which appears without a reload", async ({
  browser,
  ownerPage: page,
}) => {
  await page.goto("/devices");
  await page.getByRole("button", { name: "Pair a new device" }).click();
  const dialog = page.getByRole("dialog", { name: "Pair a new device" });
  const link = await dialog.getByText(/\/pair\?code=\d{8}$/).textContent();
  await expect(dialog.getByText(/Valid for \d+:\d\d/)).toBeVisible();
  await expect(dialog.getByRole("img", { name: "QR code of the pairing link" })).toBeVisible();

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await secondPage.goto(link ?? "");
  await expect(secondPage).toHaveURL(`${e2eEnv.portalUrl}/`);

  await expect(dialog.getByText("is paired")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  const list = page.getByRole("list", { name: "Paired devices" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByText("Headless Chrome on Linux").first()).toBeVisible();
  await second.close();
});

test("the owner renames a device and changes its icon inline", async ({
  browser,
  owner,
  ownerPage: page,
}) => {
  const { context } = await pairedContext(browser, owner, "Old name");
  await page.goto("/devices");

  await page.getByRole("button", { name: "Rename Old name" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Living room tablet");
  await page.getByLabel("Icon").selectOption("tablet");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByText("Saved Living room tablet.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Living room tablet")).toBeVisible();
  await context.close();
});

test("a revoked device lands on pairing at its next navigation", async ({
  browser,
  owner,
  ownerPage: page,
}) => {
  const { context, page: victim } = await pairedContext(browser, owner, "To be revoked");
  await page.goto("/devices");

  await page.getByRole("button", { name: "Revoke To be revoked" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke To be revoked?" });
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("To be revoked was signed out.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke To be revoked" })).toHaveCount(0);

  await victim.goto("/devices");
  await expect(victim).toHaveURL(/\/pair\?next=%2Fdevices$/);
  expect((await apiFromPage(victim, "/api/terminals")).status).toBe(401);
  await context.close();
});

test("a sixth guess finds the code dead after five wrong ones", async ({ browser, owner }) => {
  const url = new URL(await newPairingUrl(owner));
  const code = url.searchParams.get("code") ?? "";
  const wrong = code === "99999999" ? "88888888" : "99999999";
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/pair");

  for (let guess = 1; guess <= 5; guess++) {
    await page.getByLabel("Pairing code").fill(wrong);
    await page.getByRole("button", { name: "Pair", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not valid");
    await page.getByLabel("Pairing code").fill("");
  }
  await page.getByLabel("Pairing code").fill(code);
  await page.getByRole("button", { name: "Pair", exact: true }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "locked after too many wrong attempts",
  );
  await expect(page.getByRole("main").getByRole("alert")).not.toContainText(code);
  await context.close();
});

test("a cross-origin DELETE is refused even with the session cookie", async ({
  owner,
  ownerPage: page,
  request,
}) => {
  const listed = await apiFromPage(page, "/api/terminals");
  const { terminals } = listed.body as { terminals: { id: string; current: boolean }[] };
  const self = terminals.find((t) => t.current);
  const cookie = (await owner.cookies()).find((c) => c.name === "ptl_session");

  // What a forged request from another site would carry at worst: the
  // cookie (as if SameSite did not hold it back) and that site's Origin.
  const response = await request.delete(
    `http://127.0.0.1:${e2eEnv.consolePort}/api/terminals/${self?.id}`,
    {
      headers: {
        Host: `${e2eEnv.domain}:${e2eEnv.consolePort}`,
        Cookie: `ptl_session=${cookie?.value}`,
        Origin: "http://evil.test",
        "Sec-Fetch-Site": "cross-site",
      },
    },
  );

  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "CROSS_ORIGIN" } });
  expect((await apiFromPage(page, "/api/me")).status).toBe(200);
});

test("signing out of a device revokes it", async ({ browser, owner }) => {
  const { context, page } = await pairedContext(browser, owner, "Leaving soon");
  await page.goto("/devices");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Sign out of this device?" })
    .getByRole("button", { name: "Sign out" })
    .click();

  // The page may leave through its own click or through the revocation event.
  await expect(page).toHaveURL(/\/pair(\?next=\/devices)?$/);
  await page.goto("/devices");
  await expect(page).toHaveURL(/\/pair\?next=/);
  await context.close();
});

test("an unpaired visitor of a console page is sent to pairing and returned", async ({
  browser,
  owner,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/devices");
  await expect(page).toHaveURL(/\/pair\?next=%2Fdevices$/);

  const code = new URL(await newPairingUrl(owner)).searchParams.get("code") ?? "";
  await page.getByLabel("Pairing code").fill(code);
  await page.getByRole("button", { name: "Pair", exact: true }).click();

  await expect(page).toHaveURL(`${e2eEnv.portalUrl}/devices`);
  await context.close();
});

test("the activity page shows pairings, failures and revocations", async ({ ownerPage: page }) => {
  await page.goto("/activity");

  const list = page.getByRole("main").getByRole("list");
  await expect(list.getByText("Paired Old name").first()).toBeVisible();
  await expect(list.getByText("Revoked To be revoked").first()).toBeVisible();
  await expect(list.getByText("Pairing refused: a wrong code").first()).toBeVisible();
  await expect(list.getByText("Renamed Old name to Living room tablet").first()).toBeVisible();
});
