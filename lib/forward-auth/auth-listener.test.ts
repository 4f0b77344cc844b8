import http from "node:http";
import net, { type AddressInfo, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthListener } from "./auth-listener";
import { header, send, sendRaw } from "./http-test-client";
import { buildSnapshot, seededRandom, signTestToken, testContext, testKey } from "./test-support";

const key = testKey();
const snapshot = buildSnapshot({
  apps: [
    {
      name: "whoami",
      rules: [
        { prefix: "", access: "private", headers: { "X-Ptl-Email": "{{ownerEmail}}" } },
        { prefix: "/public", access: "public" },
      ],
    },
  ],
});
const { ctx } = testContext(snapshot, key);
let server: Server;
let port = 0;
let cookie = "";

beforeAll(async () => {
  server = await startAuthListener({ authPort: 0, authHost: "127.0.0.1" }, () => ctx);
  port = (server.address() as AddressInfo).port;
  cookie = `ptl_session=${await signTestToken("t1", key)}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const forwarded = (uri: string, extra: Record<string, string> = {}) => ({
  "X-Forwarded-Host": "whoami.portal.test",
  "X-Forwarded-Uri": uri,
  "X-Forwarded-Proto": "https",
  "X-Forwarded-Method": "GET",
  ...extra,
});

describe("the dedicated listener", () => {
  it("answers 200 with the identity headers for a paired terminal", async () => {
    const res = await send(port, forwarded("/", { Cookie: cookie }));

    expect(res.status).toBe(200);
    expect(header(res, "X-Ptl-User")).toBe("gjq6gv");
    expect(header(res, "X-Ptl-Client-Type")).toBe("terminal");
    expect(header(res, "X-Ptl-Client-Id")).toBe("t1");
    expect(header(res, "X-Ptl-Client-Name")).toBe("Ada's laptop");
    expect(header(res, "X-Ptl-Email")).toBe("owner@example.org");
  });

  it("sends every identity header, empty, to an anonymous public request", async () => {
    const res = await send(port, forwarded("/public/x"));
    const names = res.headers.map(([name]) => name).filter((n) => n.startsWith("X-Ptl-"));

    expect(res.status).toBe(200);
    expect(names.sort()).toEqual([
      "X-Ptl-Client-Id",
      "X-Ptl-Client-Name",
      "X-Ptl-Client-Type",
      "X-Ptl-Email",
      "X-Ptl-User",
    ]);
    expect(header(res, "X-Ptl-User")).toBe("");
  });

  it("answers 302 and 401 with the login URL in Location", async () => {
    const page = await send(port, forwarded("/x", { Accept: "text/html" }));
    const api = await send(port, forwarded("/x", { Accept: "application/json" }));

    expect(page.status).toBe(302);
    expect(api.status).toBe(401);
    expect(header(api, "Location")).toBe(header(page, "Location"));
    expect(header(api, "Location")).toMatch(/^http:\/\/portal\.test:3000\/pair\?next=https%3A/);
  });

  it("answers 400 with a short reason for a request without a host", async () => {
    const res = await send(port, {});

    expect(res.status).toBe(400);
    expect(res.body).toMatch(/host/);
  });

  it("answers any method, and the same path with a query", async () => {
    const res = await send(port, forwarded("/", { Cookie: cookie }), {
      method: "POST",
      path: "/api/internal/auth?from=test",
    });

    expect(res.status).toBe(200);
  });

  it("answers 404 for any other path", async () => {
    expect((await send(port, {}, { path: "/api/internal/authx" })).status).toBe(404);
    expect((await send(port, {}, { path: "/" })).status).toBe(404);
  });

  it("keeps connections alive", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    agent.on("free", (socket) => sockets.add(socket));
    for (let i = 0; i < 3; i++) {
      expect((await send(port, forwarded("/", { Cookie: cookie }), { agent })).status).toBe(200);
    }
    agent.destroy();

    expect(sockets.size).toBe(1);
  });

  it("answers a WebSocket upgrade like a GET, on the socket", async () => {
    const request = (extra: string) =>
      [
        "GET /api/internal/auth HTTP/1.1",
        "Host: 127.0.0.1",
        "Connection: Upgrade",
        "Upgrade: websocket",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "X-Forwarded-Host: whoami.portal.test",
        "X-Forwarded-Uri: /socket",
        "X-Forwarded-Proto: wss",
        extra,
        "",
        "",
      ].join("\r\n");
    const anonymous = await sendRaw(port, request("X-Requested-With: nothing"));
    const paired = await sendRaw(port, request(`Cookie: ${cookie}`));

    expect(anonymous).toMatch(/^HTTP\/1\.1 401 /);
    expect(anonymous).toContain(`next=${encodeURIComponent("https://whoami.portal.test/socket")}`);
    expect(paired).toMatch(/^HTTP\/1\.1 200 /);
    expect(paired).toContain("X-Ptl-Client-Id: t1\r\n");
  });

  it("answers a malformed request with 400, not a crash", async () => {
    const out = await sendRaw(port, "GARBAGE\r\n\r\n");

    expect(out).toMatch(/^HTTP\/1\.1 400/);
  });
});

/** Writes each chunk on one connection, a moment apart, and reads until it closes. */
function exchange(port: number, chunks: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setNoDelay(true);
    socket.setEncoding("latin1");
    let out = "";
    socket.on("data", (chunk: string) => {
      out += chunk;
    });
    socket.on("close", () => resolve(out));
    socket.on("error", reject);
    socket.once("connect", async () => {
      for (const chunk of chunks) {
        socket.write(chunk, "latin1");
        await new Promise((r) => setTimeout(r, 1));
      }
    });
  });
}

/** The status codes of every answer in a stream of answers, in order. */
const statuses = (out: string) => [...out.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => m[1]);

const authRequest = (lines: string[], last = false) =>
  [
    "GET /api/internal/auth HTTP/1.1",
    "Host: 127.0.0.1",
    "X-Forwarded-Host: whoami.portal.test",
    "X-Forwarded-Proto: https",
    ...lines,
    ...(last ? ["Connection: close"] : []),
    "",
    "",
  ].join("\r\n");

describe("the dedicated listener, read by the byte", () => {
  const paired = (uri: string, last = false) =>
    authRequest([`X-Forwarded-Uri: ${uri}`, `Cookie: ${cookie}`], last);
  const anonymous = (uri: string, last = false) => authRequest([`X-Forwarded-Uri: ${uri}`], last);

  it("answers pipelined requests in order, and closes after Connection: close", async () => {
    const out = await exchange(port, [
      paired("/a") + anonymous("/public/b") + anonymous("/c", true) + paired("/ignored"),
    ]);

    expect(statuses(out)).toEqual(["200", "200", "401"]);
    expect(out.split("X-Ptl-Client-Id: t1\r\n")).toHaveLength(2);
    expect(out).toMatch(/Connection: close\r\n/);
  });

  it("answers a request that arrives one byte at a time", async () => {
    const out = await exchange(port, [...paired("/", true)]);

    expect(statuses(out)).toEqual(["200"]);
    expect(out).toContain("X-Ptl-Client-Id: t1\r\n");
  });

  it("keeps answers in order behind one that waits for a token check", async () => {
    const fresh = `ptl_session=${await signTestToken("t1", key)}`;
    const out = await exchange(port, [
      authRequest(["X-Forwarded-Uri: /", `Cookie: ${fresh}`]) + anonymous("/x", true),
    ]);

    expect(statuses(out)).toEqual(["200", "401"]);
  });

  it.each([
    ["a body of a given length", "Content-Length: 5\r\n\r\nhello"],
    ["a chunked body", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"],
  ])("leaves a request with %s to node:http, then goes on", async (_name, rest) => {
    const withBody = `POST /api/internal/auth HTTP/1.1\r\nHost: h\r\n${rest}`;
    const out = await exchange(port, [paired("/before") + withBody, paired("/after", true)]);

    // The request with a body has no forwarded host: 400, framed right.
    expect(statuses(out)).toEqual(["200", "400", "200"]);
  });

  it("leaves HTTP/1.0 and HEAD to node:http, which answers them as usual", async () => {
    const old = await exchange(port, [
      `GET /api/internal/auth HTTP/1.0\r\nX-Forwarded-Host: whoami.portal.test\r\n` +
        `X-Forwarded-Uri: /\r\nCookie: ${cookie}\r\n\r\n`,
    ]);
    const head = await exchange(port, [paired("/").replace("GET", "HEAD") + paired("/", true)]);

    expect(statuses(old)).toEqual(["200"]);
    expect(statuses(head)).toEqual(["200", "200"]);
  });

  it("answers a head over 16 KiB with 431", async () => {
    const out = await exchange(port, [authRequest([`X-Long: ${"a".repeat(17_000)}`])]);

    expect(statuses(out)).toEqual(["431"]);
  });

  it("answers thousands of pipelined requests sent before any answer is read", async () => {
    const many = paired("/").repeat(3000) + anonymous("/x", true);
    const out = await exchange(port, [many]);

    expect(statuses(out)).toHaveLength(3001);
    expect(statuses(out).at(-1)).toBe("401");
  });

  it("answers a client that stops sending after its requests", async () => {
    const out = await sendRaw(port, paired("/") + anonymous("/x"), true);

    expect(statuses(out)).toEqual(["200", "401"]);
  });

  it("survives mangled requests and still answers the next one", async () => {
    const next = seededRandom(20261203);
    const base = paired("/a") + anonymous("/public/b");
    for (let i = 0; i < 300; i++) {
      const bytes = [...base];
      for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
        const at = Math.floor(next() * bytes.length);
        const byte = String.fromCharCode(Math.floor(next() * 256));
        const kind = next();
        if (kind < 0.4) bytes[at] = byte;
        else if (kind < 0.7) bytes.splice(at, 0, byte);
        else if (kind < 0.9) bytes.splice(at, 1);
        else bytes.length = at;
      }
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.end(bytes.join(""), "latin1"));
        socket.setTimeout(2000, () => socket.destroy());
        socket.on("error", () => {});
        socket.on("close", () => resolve());
        socket.resume();
      });
    }
    const res = await send(port, forwarded("/", { Cookie: cookie }));

    expect(res.status).toBe(200);
  });

  it("lets close() end idle kept-alive connections, read by either path", async () => {
    const own = await startAuthListener({ authPort: 0, authHost: "127.0.0.1" }, () => ctx);
    const ownPort = (own.address() as AddressInfo).port;
    // GET stays on the plain path; HEAD is handed to node:http.
    const sockets = await Promise.all(
      ["GET", "HEAD"].map(
        (method) =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(ownPort, "127.0.0.1", () =>
              socket.write(paired("/").replace("GET", method)),
            );
            socket.once("data", () => resolve(socket));
            socket.on("error", reject);
          }),
      ),
    );
    const closed = sockets.map((socket) => new Promise((resolve) => socket.once("close", resolve)));

    await new Promise<void>((resolve) => own.close(() => resolve()));
    await Promise.all(closed);
  });
});
