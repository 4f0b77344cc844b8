import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { apiFromPage, expect, newPairingUrl, pairedContext, test } from "./support/fixtures";
import { type Background, startCaddy, startNginxConfig, startWhoami } from "./support/processes";
import { addTestApp, generatedProxyConfig, removeTestApp } from "./support/test-app";

// Chromium through the real proxies, each run with the config the console
// generates for the operator, in front of the console's forward-auth
// listener and the whoami app (busybox httpd). The app is written into the
// console's database as an installed app under its own name, so it never
// meets the install engine's whoami of apps.spec.ts.
const proxies = [
  { kind: "caddy", port: e2eEnv.faCaddyPort, start: startCaddy },
  { kind: "nginx", port: e2eEnv.faNginxPort, start: startNginxConfig },
] as const;

// One spelling of the user header at a time: a browser sends only one copy
// of a name, and the proxy must drop each of them.
const spoofedUserNames = ["X-Ptl-User", "x-ptl-user", "X-PTL-USER"];

function spoofedHeaders(userHeader: string): Record<string, string> {
  return {
    [userHeader]: "attacker",
    "X-Ptl-Client-Id": "stolen",
    "X-Ptl-Client-Type": "terminal",
  };
}

type Me = { terminal: { id: string; name: string }; owner: { username: string } };

/** Opens `url` and returns the headers the whoami app printed for it, none spoofed. */
async function receivedHeaders(page: Page, url: string): Promise<Record<string, string>> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  const text = (await response?.text()) ?? "";
  expect(text).not.toMatch(/attacker|stolen/);

  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line.includes(": "))
      .map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]),
  );
}

/** The pairing page's address for a return target, as forward auth writes it. */
function pairingFor(target: string): string {
  return `${e2eEnv.portalUrl}/pair?next=${encodeURIComponent(target)}`;
}

type Answer = { status: number; location?: string; body: string };

/**
 * A WebSocket handshake sent from Node to the proxy on loopback, naming the
 * app in `Host`: Chromium's WebSocket would need an app that upgrades.
 */
function handshake(port: number, host: string, uri: string, cookie?: string): Promise<Answer> {
  const headers: Record<string, string> = {
    Host: host,
    Connection: "Upgrade",
    Upgrade: "websocket",
    "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
    "Sec-WebSocket-Version": "13",
    ...(cookie ? { Cookie: cookie } : {}),
  };

  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: uri, headers });
    request.once("upgrade", (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, body: "" });
    });
    request.once("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.once("end", () => {
        resolve({ status: response.statusCode ?? 0, location: response.headers.location, body });
      });
    });
    request.once("error", reject);
    request.end();
  });
}

/** The listener's answer for an unauthenticated script call to `host`. */
function listenerStatus(host: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request({
      host: "127.0.0.1",
      port: e2eEnv.authPort,
      path: "/api/internal/auth",
      headers: { "X-Forwarded-Host": host, "X-Forwarded-Uri": "/", "X-Forwarded-Method": "GET" },
    });
    request.once("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once("error", () => resolve(0));
    request.end();
  });
}

for (const { kind, port, start } of proxies) {
  test.describe(`forward auth through ${kind}`, () => {
    const name = `fa-${kind}`;
    const host = `${name}.${e2eEnv.domain}:${port}`;
    const appUrl = `http://${host}`;
    const dataDir = path.join(e2eEnv.workDir, `${name}-data`);
    let whoami: Background | undefined;
    let proxy: Background | undefined;

    test.beforeAll(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      addTestApp(name, [
        { prefix: "", access: "private" },
        { prefix: "/cgi-bin/public", access: "public" },
      ]);
      whoami = await startWhoami(e2eEnv.faWhoamiPort, dataDir);
      const config = generatedProxyConfig(kind, {
        PORTAL_APP_UPSTREAMS: `${name}=127.0.0.1:${e2eEnv.faWhoamiPort}`,
        PORTAL_PROXY_PORT: String(port),
        // apps.spec.ts's Caddy owns the console's admin address.
        PORTAL_CADDY_ADMIN: "",
      });
      proxy = await start(config, port);
      // The console polls the database: the app is known once it stops being a 404.
      await expect.poll(() => listenerStatus(host)).toBe(401);
    });

    test.afterAll(async () => {
      await proxy?.stop();
      await whoami?.stop();
      removeTestApp(name);
    });

    test("a paired browser reaches the app as the owner, on its own terminal", async ({
      ownerPage,
    }) => {
      const me = (await apiFromPage(ownerPage, "/api/me")).body as Me;

      const headers = await receivedHeaders(ownerPage, `${appUrl}/cgi-bin/headers`);

      expect(headers).toMatchObject({
        "x-ptl-user": me.owner.username,
        "x-ptl-client-type": "terminal",
        "x-ptl-client-id": me.terminal.id,
        "x-ptl-client-name": me.terminal.name,
      });
    });

    test("an unpaired browser pairs on the way and lands on the exact app URL", async ({
      browser,
      owner,
    }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const target = `${appUrl}/cgi-bin/headers?from=${kind}&step=2`;

      await page.goto(target);
      await expect(page).toHaveURL(pairingFor(target));
      const code = new URL(await newPairingUrl(owner)).searchParams.get("code") ?? "";
      await page.getByLabel("Pairing code").fill(code);
      await page.getByLabel("Device name").fill(`Came from ${kind}`);
      await page.getByRole("button", { name: "Pair", exact: true }).click();

      await expect(page).toHaveURL(target);
      await expect(page.locator("body")).toContainText(`x-ptl-client-name: Came from ${kind}`);
      await expect(page.locator("body")).toContainText("x-ptl-client-type: terminal");
      await context.close();
    });

    test("identity headers a paired browser writes itself never reach the app", async ({
      owner,
      ownerPage,
    }) => {
      const me = (await apiFromPage(ownerPage, "/api/me")).body as Me;

      for (const userHeader of spoofedUserNames) {
        await owner.setExtraHTTPHeaders(spoofedHeaders(userHeader));
        const headers = await receivedHeaders(ownerPage, `${appUrl}/cgi-bin/headers`);

        expect(headers, userHeader).toMatchObject({
          "x-ptl-user": me.owner.username,
          "x-ptl-client-id": me.terminal.id,
        });
      }
    });

    test("identity headers an unpaired browser writes never reach a public path", async ({
      browser,
    }) => {
      const context = await browser.newContext();
      const page = await context.newPage();

      for (const userHeader of spoofedUserNames) {
        await context.setExtraHTTPHeaders(spoofedHeaders(userHeader));
        const headers = await receivedHeaders(page, `${appUrl}/cgi-bin/public?as=${userHeader}`);

        // nginx does not send a header set empty; Caddy sends it empty.
        expect(headers["x-ptl-client-type"], userHeader).toBe("anonymous");
        expect(headers["x-ptl-user"] ?? "", userHeader).toBe("");
        expect(headers["x-ptl-client-id"] ?? "", userHeader).toBe("");
      }
      await context.close();
    });

    test("an unpaired browser with identity headers never reaches a private path", async ({
      browser,
      ownerPage,
    }) => {
      const context = await browser.newContext();
      const page = await context.newPage();

      for (const userHeader of spoofedUserNames) {
        await context.setExtraHTTPHeaders(spoofedHeaders(userHeader));
        // The note script writes a file when it runs: proof that it did not.
        const target = `${appUrl}/cgi-bin/note?${userHeader}`;
        await page.goto(target);

        await expect(page).toHaveURL(pairingFor(target));
      }
      const note = path.join(dataDir, "note.txt");
      expect(fs.existsSync(note)).toBe(false);
      // The same request from the owner does run the script.
      await ownerPage.goto(`${appUrl}/cgi-bin/note?owner`);
      await expect(ownerPage.locator("body")).toContainText("kept: owner");
      expect(fs.readFileSync(note, "utf8").trim()).toBe("owner");
      await context.close();
    });

    test("a revoked terminal's next request to the app goes to pairing", async ({
      browser,
      owner,
      ownerPage,
    }) => {
      const { context, page } = await pairedContext(browser, owner, `Revoked on ${kind}`);
      const target = `${appUrl}/cgi-bin/headers?after=revoke`;
      const before = await receivedHeaders(page, target);
      expect(before["x-ptl-client-name"]).toBe(`Revoked on ${kind}`);

      const revoked = await apiFromPage(ownerPage, `/api/terminals/${before["x-ptl-client-id"]}`, {
        method: "DELETE",
      });
      expect(revoked.status).toBe(204);
      await page.goto(target);

      await expect(page).toHaveURL(pairingFor(target));
      await context.close();
    });

    test("a WebSocket handshake with a session passes forward auth to the app", async ({
      owner,
      ownerPage,
    }) => {
      const me = (await apiFromPage(ownerPage, "/api/me")).body as Me;
      const session = (await owner.cookies()).find((cookie) => cookie.name === "ptl_session");

      const answer = await handshake(
        port,
        host,
        "/cgi-bin/headers",
        `ptl_session=${session?.value}`,
      );

      // busybox cannot upgrade, so it answers with the headers page it got.
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("upgrade: websocket");
      expect(answer.body).toContain(`x-ptl-user: ${me.owner.username}`);
    });

    test("a WebSocket handshake without a session is refused with the pairing URL", async () => {
      const answer = await handshake(port, host, "/cgi-bin/headers");

      // Caddy passes the listener's 401 on; nginx turns every 401 into the 302.
      expect([401, 302]).toContain(answer.status);
      expect(answer.location).toBe(pairingFor(`${appUrl}/cgi-bin/headers`));
      expect(answer.body).not.toContain("x-ptl-");
    });
  });
}
