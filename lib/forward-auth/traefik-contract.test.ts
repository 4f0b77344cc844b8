import http from "node:http";
import type { AddressInfo, Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthListener } from "./auth-listener";
import { buildSnapshot, signTestToken, testContext, testKey } from "./test-support";

// Traefik's forwardAuth middleware, as documented, reduced to what decides
// what the app sees: (1) all client headers are copied to the auth request
// except hop-by-hop ones, (2) X-Forwarded-Method/Proto/Host/Uri/For are set
// (kept from the client only with trustForwardHeader, whose entrypoint has
// already removed untrusted copies), (3) on 2xx, request headers matching
// authResponseHeadersRegex are removed and the auth response's matching
// headers copied in, (4) anything else goes back to the client as it is.
// Go canonicalizes header names, so the regex sees `X-Ptl-Client-Id` for a
// client's `x-ptl-client-id`.
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);
const authResponseHeadersRegex = /^X-Ptl-.*/;

type Headers = Array<[string, string]>;
type ClientRequest = { method: string; url: string; headers: Headers; remote: string };
type Outcome =
  | { forwarded: true; headers: Headers }
  | { forwarded: false; status: number; headers: Headers };

function canonical(name: string): string {
  return name
    .toLowerCase()
    .split("-")
    .map((part) => (part ? part[0]?.toUpperCase() + part.slice(1) : part))
    .join("-");
}

async function traefikForwardAuth(authPort: number, client: ClientRequest): Promise<Outcome> {
  const url = new URL(client.url);
  const authHeaders: Record<string, string> = {};
  for (const [name, value] of client.headers) {
    if (!hopByHop.has(name.toLowerCase())) authHeaders[canonical(name)] = value;
  }
  authHeaders["X-Forwarded-Method"] = client.method;
  authHeaders["X-Forwarded-Proto"] = url.protocol.slice(0, -1);
  authHeaders["X-Forwarded-Host"] = url.host;
  authHeaders["X-Forwarded-Uri"] = `${url.pathname}${url.search}`;
  authHeaders["X-Forwarded-For"] = client.remote;

  const auth = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: authPort, path: "/api/internal/auth", headers: authHeaders },
      resolve,
    );
    req.on("error", reject);
    req.end();
  });
  auth.resume();
  const response: Headers = [];
  for (let i = 0; i < auth.rawHeaders.length; i += 2) {
    response.push([canonical(auth.rawHeaders[i] ?? ""), auth.rawHeaders[i + 1] ?? ""]);
  }
  const status = auth.statusCode ?? 0;
  if (status < 200 || status >= 300) return { forwarded: false, status, headers: response };

  const forwarded = client.headers
    .map(([name, value]): [string, string] => [canonical(name), value])
    .filter(([name]) => !authResponseHeadersRegex.test(name));
  for (const [name, value] of response) {
    if (authResponseHeadersRegex.test(name)) forwarded.push([name, value]);
  }

  return { forwarded: true, headers: forwarded };
}

const key = testKey();
const { ctx } = testContext(
  buildSnapshot({
    apps: [
      {
        name: "convos",
        rules: [
          { prefix: "", access: "private", headers: { "X-Ptl-User": "{{ownerEmail}}" } },
          { prefix: "/public", access: "public" },
        ],
      },
    ],
  }),
  key,
);
let server: Server;
let port = 0;
let token = "";

beforeAll(async () => {
  server = await startAuthListener({ authPort: 0, authHost: "127.0.0.1" }, () => ctx);
  port = (server.address() as AddressInfo).port;
  token = await signTestToken("t1", key);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function browser(url: string, extra: Headers = []): ClientRequest {
  return {
    method: "GET",
    url,
    remote: "198.51.100.7",
    headers: [
      ["Host", new URL(url).host],
      ["Accept", "text/html,*/*;q=0.8"],
      ["User-Agent", "Mozilla/5.0"],
      ["Connection", "keep-alive, Upgrade"],
      ["Upgrade", "websocket"],
      ["Keep-Alive", "timeout=5"],
      ["X-Ptl-User", "attacker"],
      ["x-ptl-client-id", "stolen"],
      ["X-PTL-CLIENT-TYPE", "terminal"],
      ...extra,
    ],
  };
}

const value = (headers: Headers, name: string) =>
  headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

describe("Traefik's forwardAuth in front of the listener", () => {
  it("gives the app the Portal's identity and none of the client's X-Ptl-* copies", async () => {
    const out = await traefikForwardAuth(
      port,
      browser("https://convos.portal.test/chat", [["Cookie", `ptl_session=${token}`]]),
    );

    expect(out.forwarded).toBe(true);
    expect(value(out.headers, "X-Ptl-User")).toEqual(["owner@example.org"]);
    expect(value(out.headers, "X-Ptl-Client-Id")).toEqual(["t1"]);
    expect(value(out.headers, "X-Ptl-Client-Type")).toEqual(["terminal"]);
    expect(value(out.headers, "X-Ptl-Client-Name")).toEqual(["Ada's laptop"]);
    expect(value(out.headers, "Cookie")).toEqual([`ptl_session=${token}`]);
  });

  it("gives an anonymous public request empty identity headers, not the client's", async () => {
    const out = await traefikForwardAuth(port, browser("https://convos.portal.test/public/a"));

    expect(out.forwarded).toBe(true);
    expect(value(out.headers, "X-Ptl-User")).toEqual([""]);
    expect(value(out.headers, "X-Ptl-Client-Id")).toEqual([""]);
    expect(value(out.headers, "X-Ptl-Client-Type")).toEqual(["anonymous"]);
  });

  it("sends the browser to pairing with an absolute return URL", async () => {
    const out = await traefikForwardAuth(port, browser("https://convos.portal.test/chat?x=1"));

    expect(out).toMatchObject({ forwarded: false, status: 302 });
    expect(value(out.headers, "Location")).toEqual([
      `http://portal.test:3000/pair?next=${encodeURIComponent(
        "https://convos.portal.test/chat?x=1",
      )}`,
    ]);
  });

  it("passes 401, 403 and 404 to the client as they are", async () => {
    const xhr = browser("https://convos.portal.test/", [["X-Requested-With", "XMLHttpRequest"]]);

    expect(await traefikForwardAuth(port, xhr)).toMatchObject({ status: 401 });
    expect(await traefikForwardAuth(port, browser("https://nope.portal.test/"))).toMatchObject({
      status: 404,
    });
    expect(await traefikForwardAuth(port, browser("https://other.example/"))).toMatchObject({
      status: 403,
    });
  });

  it("ignores an X-Original-URL the client adds to reach a public rule", async () => {
    const spoof = browser("https://convos.portal.test/chat", [
      ["X-Original-URL", "https://convos.portal.test/public/x"],
    ]);
    const out = await traefikForwardAuth(port, spoof);

    expect(out.forwarded).toBe(false);
  });

  it("refuses an X-Ptl_User spelling that CGI servers would fold into X-Ptl-User", async () => {
    const out = await traefikForwardAuth(
      port,
      browser("https://convos.portal.test/public/x", [["X-Ptl_User", "attacker"]]),
    );

    expect(out).toMatchObject({ forwarded: false, status: 400 });
  });
});
