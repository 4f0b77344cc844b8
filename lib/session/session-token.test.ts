import { generateKeyPairSync, randomBytes } from "node:crypto";
import { base64url, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { config } from "../config/config";
import { createPairingCode } from "../pairing/create-pairing-code";
import { pairTerminal } from "../pairing/pair-terminal";
import { revokeTerminal } from "../terminals/revoke-terminals";
import { testPortal } from "../testing/test-portal";
import { authenticate } from "./authenticate";
import { signSessionToken, verifySessionToken } from "./session-token";
import { loadSigningKey } from "./signing-key";

const key = randomBytes(32);
const now = () => Math.floor(Date.now() / 1000);

function unsignedToken(claims: Record<string, unknown>): string {
  const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));

  return `${header}.${base64url.encode(JSON.stringify(claims))}.`;
}

describe("session token verification", () => {
  it("accepts a token it signed and returns its claims", async () => {
    const token = await signSessionToken("terminal-1", key, 60, "token-1");
    const claims = await verifySessionToken(token, key);
    expect(claims).toMatchObject({ sub: "terminal-1", jti: "token-1" });
    expect(claims && claims.exp - claims.iat).toBe(60);
  });

  it("rejects an expired token", async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("terminal-1")
      .setJti("t")
      .setIssuedAt(now() - 120)
      .setExpirationTime(now() - 60)
      .sign(key);
    expect(await verifySessionToken(token, key)).toBeNull();
  });

  it("rejects a tampered payload", async () => {
    const token = await signSessionToken("terminal-1", key, 60);
    const [header, , signature] = token.split(".");
    const forged = base64url.encode(
      JSON.stringify({ sub: "terminal-2", jti: "x", iat: now(), exp: now() + 60 }),
    );
    expect(await verifySessionToken(`${header}.${forged}.${signature}`, key)).toBeNull();
  });

  it("rejects a token signed with another key", async () => {
    const token = await signSessionToken("terminal-1", randomBytes(32), 60);
    expect(await verifySessionToken(token, key)).toBeNull();
  });

  it("rejects alg none", async () => {
    const token = unsignedToken({ sub: "terminal-1", jti: "t", iat: now(), exp: now() + 60 });
    expect(await verifySessionToken(token, key)).toBeNull();
  });

  it("rejects another HMAC algorithm with the same key", async () => {
    const token = await new SignJWT({ jti: "t" })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject("terminal-1")
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(key);
    expect(await verifySessionToken(token, key)).toBeNull();
  });

  it("rejects an RS256 token", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const token = await new SignJWT({ jti: "t" })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("terminal-1")
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(privateKey);
    expect(await verifySessionToken(token, key)).toBeNull();
  });

  it("rejects claims of the wrong shape and garbage", async () => {
    const noJti = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("terminal-1")
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(key);
    expect(await verifySessionToken(noJti, key)).toBeNull();
    expect(await verifySessionToken("not-a-token", key)).toBeNull();
    expect(await verifySessionToken("a.b.c", key)).toBeNull();
  });
});

describe("session tokens of revoked terminals", () => {
  beforeAll(async () => {
    await testPortal();
  });

  it("stop working at once when the terminal is revoked", async () => {
    const cfg = config();
    const made = await createPairingCode({ portalUrl: cfg.portalUrl, ttlSeconds: 600 });
    const terminal = await pairTerminal({
      code: made.code,
      userAgent: "test",
      clientAddress: "203.0.113.1",
    });
    const signingKey = loadSigningKey(cfg.dataDir);
    const token = await signSessionToken(terminal.id, signingKey, 600);
    expect(await authenticate(token)).toMatchObject({ id: terminal.id });

    await revokeTerminal(terminal.id, { terminalId: terminal.id, clientAddress: "203.0.113.1" });

    expect(await verifySessionToken(token, signingKey)).not.toBeNull();
    expect(await authenticate(token)).toBeNull();
  });

  it("name no terminal when the terminal never existed", async () => {
    const token = await signSessionToken("nobody", loadSigningKey(config().dataDir), 600);
    expect(await authenticate(token)).toBeNull();
  });
});
