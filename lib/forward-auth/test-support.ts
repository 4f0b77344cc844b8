// Builders for forward-auth tests: a Snapshot in memory and tokens signed
// with a random key, so the decision runs without a database.
import { randomBytes } from "node:crypto";
import { signSessionToken } from "../session/session-token";
import type { AccessRuleState, AppState, Snapshot, TerminalState } from "../state/state-store";
import type { AuthInput } from "./auth-input";
import type { DecisionContext } from "./decide";
import { TokenVerifier } from "./token-verifier";

export const testDomain = "portal.test";
export const testPortalUrl = "http://portal.test:3000";

export const testOwner = {
  portalId: "gjq6gv",
  username: "gjq6gv",
  email: "owner@example.org",
  displayName: "Ada Owner",
};

type SnapshotParts = {
  terminals?: TerminalState[];
  apps?: Array<{ name: string; rules: Array<Partial<AccessRuleState> & { prefix: string }> }>;
};

/** A snapshot with the test owner, one paired terminal `t1` and the given apps. */
export function buildSnapshot(parts: SnapshotParts = {}): Snapshot {
  const terminals = parts.terminals ?? [{ id: "t1", name: "Ada's laptop", revoked: false }];
  const apps = (parts.apps ?? []).map(
    (app): AppState => ({
      name: app.name,
      state: "running",
      rules: app.rules.map((rule) => ({
        prefix: rule.prefix,
        access: rule.access ?? "private",
        headers: rule.headers ?? {},
      })),
    }),
  );

  return {
    owner: { ...testOwner },
    terminals: new Map(terminals.map((t) => [t.id, t])),
    apps: new Map(apps.map((a) => [a.name, a])),
  };
}

/** A fresh random signing key. */
export function testKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** A session token for `terminalId`, as the console would sign it. */
export function signTestToken(terminalId: string, key: Uint8Array, ttlSeconds = 3600) {
  return signSessionToken(terminalId, key, ttlSeconds);
}

/** A decision context over `snapshot`, recording touched terminals. */
export function testContext(snapshot: Snapshot, key: Uint8Array) {
  const touched: string[] = [];
  const ctx: DecisionContext = {
    snapshot,
    domain: testDomain,
    portalUrl: testPortalUrl,
    verifier: new TokenVerifier(key),
    touch: (id) => touched.push(id),
  };

  return { ctx, touched };
}

/** What Traefik or Caddy sends for a request to `url` (absolute). */
export function forwardedInput(url: string, extra: Partial<AuthInput> = {}): AuthInput {
  const parsed = /^(\w+):\/\/([^/]+)(.*)$/.exec(url);
  if (!parsed) throw new Error(`not an absolute URL: ${url}`);

  return {
    method: "GET",
    forwardedProto: parsed[1],
    forwardedHost: parsed[2],
    forwardedUri: parsed[3] || "/",
    forwardedMethod: "GET",
    forwardedFor: "192.0.2.10",
    ...extra,
  };
}

/** What the generated nginx config sends for a request to `url`. */
export function nginxInput(url: string, extra: Partial<AuthInput> = {}): AuthInput {
  return { method: "GET", originalUrl: url, originalMethod: "GET", ...extra };
}

/** Numbers in [0, 1) from a fixed seed, so a generated case that fails repeats. */
export function seededRandom(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;

    return state / 2 ** 31;
  };
}
