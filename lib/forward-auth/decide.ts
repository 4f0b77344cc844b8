import { bearerToken, sessionTokenFromCookieHeader } from "../session/session-cookie";
import type { SessionClaims } from "../session/session-token";
import type { Snapshot } from "../state/state-store";
import { type AuthDecision, type AuthInput, refuse } from "./auth-input";
import { classifyHost } from "./classify-host";
import { type CompiledApp, type CompiledRule, compiledApps } from "./compile-rules";
import { type Caller, identityHeaders } from "./identity-headers";
import { isBrowserNavigation, loginUrl } from "./login-url";
import { matchAccessRule } from "./match-access-rule";
import { pathReadings } from "./normalize-path";
import { type AuthTarget, parseAuthRequest } from "./parse-auth-request";
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
 *
 * Synchronous whenever the credentials were seen before (the common case),
 * so a server can answer within the request's own tick; a promise only when
 * a token has to be verified with HMAC.
 */
export function decideForwardAuth(
  input: AuthInput,
  ctx: DecisionContext,
): AuthDecision | Promise<AuthDecision> {
  const place = locate(input, ctx);
  if ("status" in place) return place;

  const caller = findCaller(input, ctx);

  return caller instanceof Promise
    ? caller.then((found) => conclude(place, found, input, ctx))
    : conclude(place, caller, input, ctx);
}

type Place = { target: AuthTarget; app?: CompiledApp; rule?: CompiledRule; console: boolean };

/** Where the request goes and which rule applies, or the refusal if that settles it. */
function locate(input: AuthInput, ctx: DecisionContext): Place | AuthDecision {
  const defaultProto = ctx.portalUrl.startsWith("https:") ? "https" : "http";
  const parsed = parseAuthRequest(input, defaultProto);
  if (!parsed.ok) return refuse(400, parsed.reason);
  const target = parsed.target;

  const host = classifyHost(target.hostname, ctx.domain);
  if (host.kind === "foreign") return refuse(403, "the host is not on this Portal");
  if (host.kind === "under-domain") return refuse(404, "no app has this name");
  if (host.kind === "console") return { target, console: true };

  const app = compiledApps(ctx.snapshot.apps).get(host.name);
  if (!app) return refuse(404, "no app has this name");

  const readings = pathReadings(target.rawPath);
  if (!readings) return refuse(400, "the path cannot be read");

  return { target, app, rule: matchAccessRule(app, readings), console: false };
}

function conclude(place: Place, caller: Caller, input: AuthInput, ctx: DecisionContext) {
  // The console checks sessions itself and must stay reachable unpaired (its
  // pairing page is where everyone else is sent), so its host passes.
  if (place.console) {
    return {
      status: 200,
      reason: "console",
      headers: identityHeaders(caller, ctx.domain),
    } as const;
  }

  const { app, rule, target } = place;
  if (rule?.access === "public" || caller) {
    const reason = caller ? "terminal" : "public";

    return {
      status: 200,
      reason,
      headers: identityHeaders(caller, ctx.domain, app, rule),
    } as const;
  }

  const location = loginUrl(ctx.portalUrl, target);
  const browser = isBrowserNavigation(target.method, input.accept, input.xRequestedWith);
  const status = browser ? 302 : 401;

  return { status, reason: "pair this device first", headers: { Location: location } } as const;
}

/**
 * The paired, unrevoked terminal behind the request's credentials, if any.
 * A bearer token is tried first, then the cookie: an app's own API token in
 * the Authorization header must not hide a valid session cookie.
 */
function findCaller(input: AuthInput, ctx: DecisionContext): Caller | Promise<Caller> {
  const now = ctx.now ?? Date.now();
  const bearer = bearerToken(input.authorization);
  if (!bearer) return callerFromCookie(input, ctx, now);

  const claims = ctx.verifier.verify(bearer, now);
  if (claims instanceof Promise) {
    return claims.then((c) => callerOf(c, ctx) ?? callerFromCookie(input, ctx, now));
  }

  return callerOf(claims, ctx) ?? callerFromCookie(input, ctx, now);
}

function callerFromCookie(input: AuthInput, ctx: DecisionContext, now: number) {
  const token = sessionTokenFromCookieHeader(input.cookie);
  if (!token) return null;
  const claims = ctx.verifier.verify(token, now);

  return claims instanceof Promise ? claims.then((c) => callerOf(c, ctx)) : callerOf(claims, ctx);
}

// The snapshot is the revocation authority: a terminal revoked or deleted is
// gone from it (or marked) as soon as the store has reloaded.
function callerOf(claims: SessionClaims | null, ctx: DecisionContext): Caller {
  const terminal = claims ? ctx.snapshot.terminals.get(claims.sub) : undefined;
  if (!terminal || terminal.revoked) return null;
  ctx.touch?.(terminal.id);

  return { owner: ctx.snapshot.owner, terminal };
}
