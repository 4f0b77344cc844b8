import path from "node:path";
import { e2eEnv } from "./support/env";
import { expect, test } from "./support/fixtures";

const widths = [
  { name: "phone", viewport: { width: 390, height: 844 } },
  { name: "desktop", viewport: { width: 1280, height: 800 } },
];

// The README shows these pictures; the suite takes them so they stay true.
for (const { name, viewport } of widths) {
  test(`the pairing and devices pages read well on a ${name}`, async ({ browser }) => {
    const unpaired = await browser.newContext({ viewport });
    const pairPage = await unpaired.newPage();
    await pairPage.goto("/pair");
    await expect(pairPage.getByRole("heading", { name: "Pair this device" })).toBeVisible();
    await pairPage.screenshot({ path: path.join(e2eEnv.screenshotsDir, `pair-${name}.png`) });
    await unpaired.close();

    const owner = await browser.newContext({ viewport, storageState: e2eEnv.ownerStatePath });
    const page = await owner.newPage();
    await page.goto("/devices");
    await expect(page.getByRole("list", { name: "Paired devices" })).toBeVisible();
    await page.screenshot({
      path: path.join(e2eEnv.screenshotsDir, `devices-${name}.png`),
      fullPage: true,
    });
    await owner.close();
  });
}
