import { generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthInput } from "./auth-input";
import { decideForwardAuth } from "./decide";
import { answerAuthRequest } from "./safe-decide";
import {
  buildSnapshot,
  forwardedInput,
  nginxInput,
  signTestToken,
  testContext,
  testKey,
  testOwner,
} from "./test-support";

const key = testKey();
const snapshot = buildSnapshot({
  terminals: [
    { id: "t1", name: "Ada's laptop", revoked: false },
    { id: "t2", name: "Old phone", revoked: true },
    { id: "t3", name: "Evil\r\nX-Ptl-User: root 📱", revoked: false },
  ],
  apps: [
    {
      name: "wiki",
      rules: [
        { prefix: "", access: "private", headers: { "X-Ptl-Email": "{{ownerEmail}}" } },
        { prefix: "/pub", access: "public" },
        { prefix: "/public/", access: "public", headers: { "X-Ptl-Tag": "on {{terminalName}}" } },
        { prefix: "/public/private", access: "private" },
      ],
    },
    {
      name: "mail",
      rules: [
        { prefix: "", access: "public", headers: { "X-Ptl-User": "{{ownerEmail}}" } },
        { prefix: "/admin", access: "private", headers: { "X-Ptl-Client-Id": "forged" } },
      ],
    },
  ],
});
const { ctx, touched } = testContext(snapshot, key);
const pair = "http://portal.test:3000/pair?next=";
const html = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
let token = "";
let cookie = "";

beforeAll(async () => {
  token = await signTestToken("t1", key);
  cookie = `theme=dark; ptl_session=${token}; other=1`;
});

const decide = (input: AuthInput) => decideForwardAuth(input, ctx);
const at = (url: string, extra: Partial<AuthInput> = {}) => decide(forwardedInput(url, extra));

describe("the decision table", () => {
  it("lets a paired terminal into a private rule with all identity headers", async () => {
    const d = await at("https://wiki.portal.test/notes", { cookie });

    expect(d.status).toBe(200);
    expect(d.headers).toEqual({
      "X-Ptl-User": "gjq6gv",
      "X-Ptl-Client-Type": "terminal",
      "X-Ptl-Client-Id": "t1",
      "X-Ptl-Client-Name": "Ada's laptop",
      "X-Ptl-Email": "owner@example.org",
      "X-Ptl-Tag": "",
    });
    expect(touched).toContain("t1");
  });

  it("lets anyone into a public rule, anonymously, with every header empty", async () => {
    const d = await at("https://wiki.portal.test/public/page");

    expect(d.status).toBe(200);
    expect(d.headers).toEqual({
      "X-Ptl-User": "",
      "X-Ptl-Client-Type": "anonymous",
      "X-Ptl-Client-Id": "",
      "X-Ptl-Client-Name": "",
      "X-Ptl-Email": "",
      "X-Ptl-Tag": "",
    });
  });

  it("gives a public rule the owner's identity when the credentials are valid", async () => {
    const d = await at("https://wiki.portal.test/public/page", { cookie });

    expect(d.status).toBe(200);
    expect(d.headers["X-Ptl-Client-Type"]).toBe("terminal");
    expect(d.headers["X-Ptl-Tag"]).toBe("on Ada's laptop");
    expect(d.headers["X-Ptl-Email"]).toBe("");
  });

  it("redirects a browser navigation without credentials to the pairing page", async () => {
    const d = await at("https://wiki.portal.test/notes?id=7", { accept: html });

    expect(d.status).toBe(302);
    expect(d.headers.Location).toBe(
      `${pair}${encodeURIComponent("https://wiki.portal.test/notes?id=7")}`,
    );
  });

  it("redirects HEAD navigations too", async () => {
    const d = await at("https://wiki.portal.test/", { accept: html, forwardedMethod: "HEAD" });

    expect(d.status).toBe(302);
  });

  it.each([
    ["an XMLHttpRequest", { accept: html, xRequestedWith: "XMLHttpRequest" }],
    ["a POST", { accept: html, forwardedMethod: "POST" }],
    ["a JSON fetch", { accept: "application/json" }],
    ["a request without Accept", {}],
  ])("answers %s without credentials with 401 and the same Location", async (_, extra) => {
    const d = await at("https://wiki.portal.test/notes?id=7", extra);

    expect(d.status).toBe(401);
    expect(d.headers.Location).toBe(
      `${pair}${encodeURIComponent("https://wiki.portal.test/notes?id=7")}`,
    );
  });

  it("answers 404 for a host under the domain that names no app", async () => {
    expect((await at("https://nope.portal.test/")).status).toBe(404);
    expect((await at("https://a.wiki.portal.test/", { cookie })).status).toBe(404);
  });

  it.each([
    "https://evil.example/",
    "https://evilportal.test/",
    "https://wiki.portal.test.evil.example/",
    "https://[::1]:8080/",
    "https://127.0.0.1/",
  ])("answers 403 for a host outside the domain: %s", async (url) => {
    expect((await at(url, { cookie })).status).toBe(403);
  });

  it("answers 400 when there is no host at all", async () => {
    const d = await decide({ method: "GET", cookie, forwardedUri: "/" });

    expect(d.status).toBe(400);
  });

  it("lets the console's own host through, anonymous or with the terminal", async () => {
    const anonymous = await at("https://portal.test/pair");
    const paired = await at("https://PORTAL.test./devices", { cookie });

    expect(anonymous.status).toBe(200);
    expect(anonymous.headers["X-Ptl-Client-Type"]).toBe("anonymous");
    expect(paired.headers["X-Ptl-Client-Id"]).toBe("t1");
  });
});

describe("credentials", () => {
  async function expectRefused(credentials: Partial<AuthInput>) {
    const d = await at("https://wiki.portal.test/notes", credentials);
    expect(d.status).toBe(401);
  }

  it("refuses no credentials", () => expectRefused({}));

  it("refuses an expired token", async () => {
    const expired = await new SignJWT({ jti: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("t1")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    await expectRefused({ cookie: `ptl_session=${expired}` });
  });

  it("refuses a token once it expires, even after it was cached", async () => {
    const short = await signTestToken("t1", key, 60);
    const input = forwardedInput("https://wiki.portal.test/", { cookie: `ptl_session=${short}` });

    expect((await decideForwardAuth(input, ctx)).status).toBe(200);
    const later = { ...ctx, now: Date.now() + 61_000 };
    expect((await decideForwardAuth(input, later)).status).toBe(401);
  });

  it("refuses a tampered token", async () => {
    const [head, body, sig = ""] = token.split(".");
    const flipped = `${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`;
    await expectRefused({ cookie: `ptl_session=${head}.${body}.${flipped}` });
    const payload = Buffer.from(JSON.stringify({ sub: "t3", jti: "j", iat: 1, exp: 9e9 }));
    await expectRefused({ cookie: `ptl_session=${head}.${payload.toString("base64url")}.${sig}` });
  });

  it("refuses a token signed with another key", async () => {
    await expectRefused({ cookie: `ptl_session=${await signTestToken("t1", testKey())}` });
  });

  it("refuses alg none", async () => {
    const none = new UnsecuredJWT({ jti: "x" })
      .setSubject("t1")
      .setIssuedAt()
      .setExpirationTime("1h")
      .encode();
    await expectRefused({ cookie: `ptl_session=${none}` });
    await expectRefused({ authorization: `Bearer ${none}` });
  });

  it("refuses HS512 with the right key and RS256", async () => {
    const hs512 = await new SignJWT({ jti: "x" })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject("t1")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new Uint8Array([...key, ...key]));
    await expectRefused({ cookie: `ptl_session=${hs512}` });

    const { privateKey } = await generateKeyPair("RS256");
    const rs256 = await new SignJWT({ jti: "x" })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("t1")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    await expectRefused({ authorization: `Bearer ${rs256}` });
  });

  it("refuses a revoked terminal and a deleted one", async () => {
    await expectRefused({ cookie: `ptl_session=${await signTestToken("t2", key)}` });
    await expectRefused({ cookie: `ptl_session=${await signTestToken("gone", key)}` });
  });

  it("refuses a cached token as soon as the snapshot revokes its terminal", async () => {
    const input = forwardedInput("https://wiki.portal.test/", { cookie });
    expect((await decideForwardAuth(input, ctx)).status).toBe(200);

    const terminals = new Map(snapshot.terminals);
    terminals.set("t1", { id: "t1", name: "Ada's laptop", revoked: true });
    const revoked = { ...ctx, snapshot: { ...snapshot, terminals } };
    expect((await decideForwardAuth(input, revoked)).status).toBe(401);

    terminals.delete("t1");
    expect((await decideForwardAuth(input, revoked)).status).toBe(401);
  });

  it("accepts a bearer token, and a cookie beside an unrelated bearer token", async () => {
    expect(
      (await at("https://wiki.portal.test/", { authorization: `Bearer ${token}` })).status,
    ).toBe(200);
    const both = { authorization: "Bearer app-own-api-token", cookie };
    expect((await at("https://wiki.portal.test/", both)).status).toBe(200);
  });

  it("verifies a token with HMAC once, then answers from the cache", async () => {
    const fresh = await signTestToken("t1", key);
    const { ctx: own } = testContext(snapshot, key);

    expect(own.verifier.verify(fresh)).toBeInstanceOf(Promise);
    await own.verifier.verify(fresh);
    expect(own.verifier.verify(fresh)).toMatchObject({ sub: "t1" });
    expect(own.verifier.size).toBe(1);
  });
});

describe("proxy styles", () => {
  it("reads Caddy's and Traefik's X-Forwarded-* headers, method included", async () => {
    const d = await at("https://wiki.portal.test/notes", {
      method: "GET",
      forwardedMethod: "DELETE",
      accept: html,
    });

    expect(d.status).toBe(401);
  });

  it("reads nginx's X-Original-URL and X-Original-Method", async () => {
    const ok = await decide(nginxInput("http://wiki.portal.test:8080/notes", { cookie }));
    const redirect = await decide(
      nginxInput("http://wiki.portal.test:8080/n?a=1", { accept: html }),
    );
    const post = await decide(
      nginxInput("http://wiki.portal.test:8080/n", { accept: html, originalMethod: "POST" }),
    );

    expect(ok.status).toBe(200);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.Location).toContain(
      encodeURIComponent("http://wiki.portal.test:8080/n?a=1"),
    );
    expect(post.status).toBe(401);
  });

  it("refuses an X-Original-URL that disagrees with X-Forwarded-*", async () => {
    const d = await at("https://wiki.portal.test/notes", {
      originalUrl: "https://wiki.portal.test/public/x",
    });

    expect(d.status).toBe(400);
  });

  it("takes the first of a list of forwarded hosts", async () => {
    const d = await at("https://wiki.portal.test/", {
      cookie,
      forwardedHost: "wiki.portal.test, internal.lan",
    });

    expect(d.status).toBe(200);
  });
});

describe("hosts", () => {
  it.each([
    "https://wiki.portal.test:8443/",
    "https://WIKI.Portal.TEST/",
    "https://wiki.portal.test./",
    "https://Wiki.Portal.Test.:8443/",
  ])("finds the app for %s", async (url) => {
    expect((await at(url, { cookie })).status).toBe(200);
    expect((await at(url)).status).toBe(401);
  });

  it("keeps the port in the return URL", async () => {
    const d = await at("http://wiki.portal.test:8080/x", { accept: html });

    expect(d.headers.Location).toContain(encodeURIComponent("http://wiki.portal.test:8080/x"));
  });
});

describe("prefix matching", () => {
  it.each([
    ["/pub", 200],
    ["/pub/", 200],
    ["/pub/x", 200],
    ["/pubx", 401],
    ["/public", 200],
    ["/public/", 200],
    ["/publicity", 401],
    ["/public/private", 401],
    ["/public/private/x", 401],
    ["/public/privateer", 200],
    ["/pub?next=/notes", 200],
    ["/notes?next=/pub", 401],
    ["/public/../notes", 401],
    ["/public/./../notes", 401],
    ["/public/%2e%2e/notes", 401],
    ["/public/%2E%2E/notes", 401],
    ["/public/%252e%252e/notes", 401],
    ["/public/..%2fnotes", 401],
    ["/public\\..\\notes", 401],
    ["/notes/../public/x", 200],
    ["//pub", 200],
    ["/%70ub", 401],
    ["/pub%2Fx", 401],
    ["/pub/%zz", 200],
  ])("%s without credentials answers %i", async (uri, status) => {
    expect((await at(`https://wiki.portal.test${uri}`)).status).toBe(status);
  });

  it("takes the longest prefix, which may be private under a public one", async () => {
    const d = await at("https://mail.portal.test/admin/users", { cookie });

    expect(d.status).toBe(200);
    expect(d.headers["X-Ptl-Client-Id"]).toBe("t1");
    expect((await at("https://mail.portal.test/inbox")).status).toBe(200);
  });
});

describe("ws and wss", () => {
  it("maps ws and wss to http and https in the return URL", async () => {
    const wss = await at("wss://wiki.portal.test/socket");
    const ws = await at("ws://wiki.portal.test/socket");

    expect(wss.status).toBe(401);
    expect(wss.headers.Location).toContain(encodeURIComponent("https://wiki.portal.test/socket"));
    expect(ws.headers.Location).toContain(encodeURIComponent("http://wiki.portal.test/socket"));
    expect((await at("wss://wiki.portal.test/socket", { cookie })).status).toBe(200);
  });
});

describe("header values", () => {
  it("strips control characters and sends non-ASCII names as UTF-8 bytes", async () => {
    const t3 = `ptl_session=${await signTestToken("t3", key)}`;
    const d = await at("https://wiki.portal.test/public/x", { cookie: t3 });
    const name = d.headers["X-Ptl-Client-Name"] ?? "";

    expect(name).not.toMatch(/[\r\n]/);
    expect(Buffer.from(name, "latin1").toString("utf8")).toBe("EvilX-Ptl-User: root 📱");
    expect(d.headers["X-Ptl-Tag"]).toBe(`on ${name}`);
    expect(() => new Headers(d.headers)).not.toThrow();
  });

  it("lets a rule's X-Ptl-User override the default, never X-Ptl-Client-Id", async () => {
    const d = await at("https://mail.portal.test/inbox", { cookie });
    const admin = await at("https://mail.portal.test/admin", { cookie });

    expect(d.headers["X-Ptl-User"]).toBe("owner@example.org");
    expect(admin.headers["X-Ptl-User"]).toBe("");
    expect(admin.headers["X-Ptl-Client-Id"]).toBe("t1");
  });

  it("carries a terminal's new name and the owner's new address from the next snapshot on", () => {
    const input = forwardedInput("https://wiki.portal.test/notes", { cookie });
    const before = decide(input);
    if (before instanceof Promise) throw new Error("the token should be cached by now");
    expect(before.headers["X-Ptl-Client-Name"]).toBe("Ada's laptop");

    const terminals = new Map(snapshot.terminals);
    terminals.set("t1", { id: "t1", name: "Ada's new laptop", revoked: false });
    const owner = { ...testOwner, email: "ada@example.net" };
    const changed = { ...ctx, snapshot: { ...snapshot, terminals, owner } };
    const after = decideForwardAuth(input, changed);
    if (after instanceof Promise) throw new Error("the token should be cached by now");

    expect(after.headers["X-Ptl-Client-Name"]).toBe("Ada's new laptop");
    expect(after.headers["X-Ptl-Email"]).toBe("ada@example.net");
    expect(decide(input)).toEqual(before);
  });

  it("shares frozen header sets between answers", async () => {
    const first = await at("https://wiki.portal.test/notes", { cookie });
    const second = await at("https://wiki.portal.test/other", { cookie });

    expect(second.headers).toBe(first.headers);
    expect(Object.isFrozen(first.headers)).toBe(true);
  });
});

describe("bad input", () => {
  it.each([
    ["a protocol other than http(s) or ws(s)", forwardedInput("ftp://wiki.portal.test/")],
    ["no X-Forwarded-Uri", { method: "GET", forwardedHost: "wiki.portal.test" }],
    [
      "a URI that is not a path",
      forwardedInput("https://wiki.portal.test/", { forwardedUri: "x" }),
    ],
    ["spaces in the URI", forwardedInput("https://wiki.portal.test/a b")],
    ["a host with a space", forwardedInput("https://wiki.portal.test/", { forwardedHost: "a b" })],
    ["a host with userinfo", forwardedInput("https://u@wiki.portal.test/")],
    ["a bad method", forwardedInput("https://wiki.portal.test/", { forwardedMethod: "G E T" })],
    ["a relative X-Original-URL", nginxInput("/notes")],
    ["a NUL byte in the path", forwardedInput("https://wiki.portal.test/pub/%00")],
    [
      "an X-Ptl header spelled with underscores",
      forwardedInput("https://wiki.portal.test/pub", { headerNames: ["Host", "X-Ptl_User"] }),
    ],
  ])("answers 400 for %s", async (_, input) => {
    const d = await decide(input as AuthInput);

    expect(d.status).toBe(400);
    expect(d.reason).toBeTruthy();
  });

  it("never answers 5xx, whatever the headers hold", async () => {
    const pieces = [
      "",
      "/",
      "%",
      "%zz",
      "..",
      "\u0000",
      "ä",
      "wiki.portal.test",
      ":",
      "[",
      "?",
      "#",
    ];
    const pick = (i: number) => pieces[i % pieces.length] ?? "";
    for (let i = 0; i < 400; i++) {
      const input: AuthInput = {
        method: pick(i),
        forwardedHost: i % 3 ? `${pick(i * 7)}wiki.portal.test${pick(i * 3)}` : pick(i * 5),
        forwardedUri: `${pick(i * 11)}${pick(i * 13)}`,
        forwardedProto: pick(i * 17),
        originalUrl: i % 5 ? null : `${pick(i)}://${pick(i * 3)}`,
        cookie: `ptl_session=${pick(i * 19)}`,
        authorization: `Bearer ${pick(i * 23)}`,
      };
      const d = await answerAuthRequest(input, ctx);
      expect([200, 302, 400, 401, 403, 404]).toContain(d.status);
    }
  });
});
