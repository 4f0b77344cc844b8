import { bearerToken, sessionTokenFromCookieHeader } from "../session/session-cookie";
import type { Snapshot } from "../state/state-store";
import { type AuthDecision, type AuthInput, refuse } from "./auth-input";
import { classifyHost } from "./classify-host";
import { compiledApps } from "./compile-rules";
import { type Caller, identityHeaders } from "./identity-headers";
import { isBrowserNavigation, loginUrl } from "./login-url";
import { matchAccessRule } from "./match-access-rule";
import { pathReadings } from "./normalize-path";
import { parseAuthRequest } from "./parse-auth-request";
import type { TokenVerifier } from "./token-verifier";

/** What the decision reads besides the request: memory only, never the database. */
export type DecisionContext = {
  snapshot: Snapshot;
  /** The Portal domain, lower case. */
  domain: string;
  /** The console's origin, for the pairing page. */
  portalUrl: string;
  verifier: TokenVerifier;
  /** Notes that a terminal was seen; batched by the state store. */
  touch?: (terminalId: string) => void;
  now?: number;
};

/**
 * The forward-auth decision (DESIGN.md, "Forward-auth contract"). Never
 * throws for any input: whatever cannot be read is a 400.
 */
export async function decideForwardAuth(
  input: AuthInput,
  ctx: DecisionContext,
): Promise<AuthDecision> {
  const defaultProto = ctx.portalUrl.startsWith("https:") ? "https" : "http";
  const parsed = parseAuthRequest(input, defaultProto);
  if (!parsed.ok) return refuse(400, parsed.reason);
  const target = parsed.target;

  const host = classifyHost(target.hostname, ctx.domain);
  if (host.kind === "foreign") return refuse(403, "the host is not on this Portal");
  if (host.kind === "under-domain") return refuse(404, "no app has this name");

  // The console checks sessions itself and must stay reachable unpaired (its
  // pairing page is where everyone else is sent), so its host passes.
  if (host.kind === "console") {
    const caller = await findCaller(input, ctx);

    return { status: 200, reason: "console", headers: identityHeaders(caller, ctx.domain) };
  }

  const app = compiledApps(ctx.snapshot.apps).get(host.name);
  if (!app) return refuse(404, "no app has this name");

  const readings = pathReadings(target.rawPath);
  if (!readings) return refuse(400, "the path cannot be read");
  const rule = matchAccessRule(app, readings);

  const caller = await findCaller(input, ctx);
  if (rule?.access === "public" || caller) {
    const reason = caller ? "terminal" : "public";

    return { status: 200, reason, headers: identityHeaders(caller, ctx.domain, app, rule) };
  }

  const location = loginUrl(ctx.portalUrl, target);
  if (isBrowserNavigation(target.method, input.accept, input.xRequestedWith)) {
    return { status: 302, reason: "pair this device first", headers: { Location: location } };
  }

  return { status: 401, reason: "pair this device first", headers: { Location: location } };
}

/**
 * The paired, unrevoked terminal behind the request's credentials, if any.
 * A bearer token is tried first, then the cookie: an app's own API token in
 * the Authorization header must not hide a valid session cookie.
 */
async function findCaller(input: AuthInput, ctx: DecisionContext): Promise<Caller> {
  const now = ctx.now ?? Date.now();
  const tokens = [bearerToken(input.authorization), sessionTokenFromCookieHeader(input.cookie)];
  for (const token of tokens) {
    if (!token) continue;
    const claims = await ctx.verifier.verify(token, now);
    // The snapshot is the revocation authority: a terminal revoked or
    // deleted is gone from it (or marked) within the store's poll interval.
    const terminal = claims ? ctx.snapshot.terminals.get(claims.sub) : undefined;
    if (!terminal || terminal.revoked) continue;
    ctx.touch?.(terminal.id);

    return { owner: ctx.snapshot.owner, terminal };
  }

  return null;
}
