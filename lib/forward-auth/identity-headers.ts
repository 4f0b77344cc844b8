import type { IdentityValues, PlaceholderName } from "../catalog/header-template";
import type { Owner } from "../portal/ensure-portal";
import type { TerminalState } from "../state/state-store";
import type { CompiledApp, CompiledHeader, CompiledRule } from "./compile-rules";
import { toHeaderValue } from "./header-value";

/** Who is calling, for the headers: a paired terminal of the owner, or nobody. */
export type Caller = { owner: Owner | null; terminal: TerminalState } | null;

type Headers = Readonly<Record<string, string>>;

/**
 * What a terminal's answers carry, per rule (or per app, or for the console),
 * built on first use. Terminal and owner records are replaced, not changed,
 * when they change, and compiled rules are rebuilt with every new apps map,
 * so a stale entry is never found: a changed record misses and is rebuilt.
 */
type TerminalHeaders = { owner: Owner | null; domain: string; byTarget: WeakMap<object, Headers> };
const terminalHeaders = new WeakMap<TerminalState, TerminalHeaders>();
const anonymousHeaders = new WeakMap<CompiledApp, Headers>();
const consoleTarget = {};
const anonymousDefaults: Headers = Object.freeze({
  "X-Ptl-User": "",
  "X-Ptl-Client-Type": "anonymous",
  "X-Ptl-Client-Id": "",
  "X-Ptl-Client-Name": "",
});

/**
 * The headers of a 2xx answer: the four defaults, always, and every header
 * the app's rules name, empty where the matched rule has none. Anonymous
 * callers get every value empty except the client type: a template never
 * tells an app anything about the owner unless a terminal is calling.
 *
 * Forward auth asks for these on every request to every app, for the same
 * few terminals and rules, so each set is built once and shared; the
 * objects are frozen.
 */
export function identityHeaders(
  caller: Caller,
  domain: string,
  app?: CompiledApp,
  rule?: CompiledRule,
): Headers {
  if (!caller) {
    if (!app) return anonymousDefaults;
    let headers = anonymousHeaders.get(app);
    if (!headers) {
      const built: Record<string, string> = { ...anonymousDefaults };
      for (const name of app.extraHeaderNames) built[name] = "";
      headers = Object.freeze(built);
      anonymousHeaders.set(app, headers);
    }

    return headers;
  }

  let cached = terminalHeaders.get(caller.terminal);
  if (!cached || cached.owner !== caller.owner || cached.domain !== domain) {
    cached = { owner: caller.owner, domain, byTarget: new WeakMap() };
    terminalHeaders.set(caller.terminal, cached);
  }
  const target = rule ?? app ?? consoleTarget;
  let headers = cached.byTarget.get(target);
  if (!headers) {
    headers = Object.freeze(terminalHeadersFor(caller, domain, app, rule));
    cached.byTarget.set(target, headers);
  }

  return headers;
}

function terminalHeadersFor(
  caller: NonNullable<Caller>,
  domain: string,
  app?: CompiledApp,
  rule?: CompiledRule,
): Record<string, string> {
  const values = identityValues(caller, domain);
  const headers: Record<string, string> = {
    "X-Ptl-User": values.ownerUsername,
    "X-Ptl-Client-Type": "terminal",
    "X-Ptl-Client-Id": values.terminalId,
    "X-Ptl-Client-Name": values.terminalName,
  };
  if (app) {
    for (const name of app.extraHeaderNames) headers[name] = "";
    if (app.overridesUser) headers["X-Ptl-User"] = "";
    for (const header of rule?.headers ?? []) headers[header.name] = render(header, values);
  }

  return headers;
}

// Runs only when a header set is built, not per request.
function identityValues(caller: NonNullable<Caller>, domain: string): IdentityValues {
  const { owner, terminal } = caller;

  return {
    ownerUsername: toHeaderValue(owner?.username ?? ""),
    ownerEmail: toHeaderValue(owner?.email ?? ""),
    ownerDisplayName: toHeaderValue(owner?.displayName ?? ""),
    portalId: toHeaderValue(owner?.portalId ?? ""),
    portalDomain: domain,
    terminalId: toHeaderValue(terminal.id),
    terminalName: toHeaderValue(terminal.name),
  };
}

function render(header: CompiledHeader, values: IdentityValues): string {
  let out = "";
  for (const part of header.parts) {
    out += part.kind === "text" ? part.value : values[part.name as PlaceholderName];
  }

  return out;
}
