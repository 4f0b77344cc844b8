import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { header, send } from "./http-test-client";
import { buildSnapshot, signTestToken, testContext, testKey } from "./test-support";
import { handleAuthRequest } from "./web-handler";

// The module behind app/api/internal/auth/route.ts, served over real HTTP
// through a minimal Fetch adapter, the way Next.js hands it a Request.
const key = testKey();
const { ctx } = testContext(
  buildSnapshot({ apps: [{ name: "whoami", rules: [{ prefix: "", access: "private" }] }] }),
  key,
);
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
    }
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers });
    void handleAuthRequest(request, () => ctx).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the route handler's module", () => {
  it("answers like the listener", async () => {
    const cookie = `ptl_session=${await signTestToken("t1", key)}`;
    const base = { "X-Forwarded-Host": "whoami.portal.test", "X-Forwarded-Uri": "/" };
    const ok = await send(port, { ...base, Cookie: cookie });
    const refused = await send(port, { ...base, Accept: "text/html" });
    const bad = await send(port, { "X-Forwarded-Uri": "/" }, { method: "PUT" });

    expect(ok.status).toBe(200);
    expect(header(ok, "x-ptl-client-id")).toBe("t1");
    expect(header(ok, "x-ptl-client-type")).toBe("terminal");
    expect(refused.status).toBe(302);
    expect(header(refused, "location")).toContain("/pair?next=");
    expect(bad.status).toBe(400);
  });
});
