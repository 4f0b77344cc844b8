import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { loadSigningKey } from "../session/signing-key";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";
import { testPortal } from "../testing/test-portal";
import { decideForwardAuth } from "./decide";
import { forwardAuthContext } from "./forward-auth-context";
import { forwardedInput, signTestToken } from "./test-support";

// The real SQLite-backed state store: rows written with Prisma the way a
// second process would (no reload call), picked up by the store's polling.
describe("forward auth over the real state store", () => {
  let context: ReturnType<typeof forwardAuthContext>;
  let cookie = "";

  beforeAll(async () => {
    const { cfg } = await testPortal();
    await db().terminal.create({ data: { id: "term-1", name: "Laptop", icon: "notebook" } });
    await db().app.create({
      data: {
        name: "whoami",
        title: "Who am I",
        version: "1",
        state: "running",
        accessRules: {
          create: [
            { prefix: "", access: "private", headers: '{"X-Ptl-Mail":"{{ownerEmail}}"}' },
            { prefix: "/public", access: "public" },
          ],
        },
      },
    });
    await bumpStateVersion("terminals");
    await bumpStateVersion("apps");
    await stateStore().start();
    context = forwardAuthContext(cfg);
    cookie = `ptl_session=${await signTestToken("term-1", loadSigningKey(cfg.dataDir))}`;
  });

  afterAll(() => stateStore().stop());

  const url = "http://whoami.portal.test:3000/private";

  it("lets the terminal in with the app's headers, and notes it as seen", async () => {
    const d = await decideForwardAuth(forwardedInput(url, { cookie }), context());

    expect(d.status).toBe(200);
    expect(d.headers["X-Ptl-Client-Id"]).toBe("term-1");
    expect(d.headers["X-Ptl-Mail"]).toMatch(/@portal\.test$/);
    expect(stateStore().lastSeen("term-1")).toBeGreaterThan(0);
  });

  it("refuses a terminal revoked in the database after the next poll", async () => {
    await db().$transaction([
      db().terminal.update({ where: { id: "term-1" }, data: { revokedAt: new Date() } }),
      bumpStateVersion("terminals"),
    ]);

    // The poll runs every 250 ms; the generous bound only keeps a slow CI
    // machine from failing. The benchmark measures the real delay.
    await vi.waitFor(
      async () => {
        const d = await decideForwardAuth(forwardedInput(url, { cookie }), context());
        expect(d.status).toBe(401);
      },
      { timeout: 5000, interval: 25 },
    );
  });

  it("answers 404 for an app deleted in the database", async () => {
    await db().$transaction([
      db().app.delete({ where: { name: "whoami" } }),
      bumpStateVersion("apps"),
    ]);

    await vi.waitFor(
      async () => {
        const d = await decideForwardAuth(forwardedInput(url, { cookie }), context());
        expect(d.status).toBe(404);
      },
      { timeout: 5000, interval: 25 },
    );
  });
});
