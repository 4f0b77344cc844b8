import type { IdentityValues, PlaceholderName } from "../catalog/header-template";
import type { Owner } from "../portal/ensure-portal";
import type { TerminalState } from "../state/state-store";
import type { CompiledApp, CompiledHeader, CompiledRule } from "./compile-rules";
import { toHeaderValue } from "./header-value";

const ownerValues = new WeakMap<Owner, Pick<IdentityValues, OwnerPlaceholder>>();
const terminalValues = new WeakMap<TerminalState, Pick<IdentityValues, TerminalPlaceholder>>();

type OwnerPlaceholder = "ownerUsername" | "ownerEmail" | "ownerDisplayName" | "portalId";
type TerminalPlaceholder = "terminalId" | "terminalName";

/** Who is calling, for the headers: a paired terminal of the owner, or nobody. */
export type Caller = { owner: Owner | null; terminal: TerminalState } | null;

/**
 * The headers of a 2xx answer: the four defaults, always, and every header
 * the app's rules name, empty where the matched rule has none. Anonymous
 * callers get every value empty except the client type: a template never
 * tells an app anything about the owner unless a terminal is calling.
 */
export function identityHeaders(
  caller: Caller,
  domain: string,
  app?: CompiledApp,
  rule?: CompiledRule,
): Record<string, string> {
  if (!caller) {
    const headers: Record<string, string> = {
      "X-Ptl-User": "",
      "X-Ptl-Client-Type": "anonymous",
      "X-Ptl-Client-Id": "",
      "X-Ptl-Client-Name": "",
    };
    if (app) for (const name of app.extraHeaderNames) headers[name] = "";

    return headers;
  }

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

// Values are made header-safe once per owner and per terminal record (both
// are replaced, not changed, when they change), so rendering per request is
// only concatenation.
function identityValues(caller: NonNullable<Caller>, domain: string): IdentityValues {
  const { owner, terminal } = caller;
  let forTerminal = terminalValues.get(terminal);
  if (!forTerminal) {
    forTerminal = {
      terminalId: toHeaderValue(terminal.id),
      terminalName: toHeaderValue(terminal.name),
    };
    terminalValues.set(terminal, forTerminal);
  }
  let forOwner = owner ? ownerValues.get(owner) : undefined;
  if (owner && !forOwner) {
    forOwner = {
      ownerUsername: toHeaderValue(owner.username),
      ownerEmail: toHeaderValue(owner.email),
      ownerDisplayName: toHeaderValue(owner.displayName),
      portalId: toHeaderValue(owner.portalId),
    };
    ownerValues.set(owner, forOwner);
  }

  return {
    ownerUsername: forOwner?.ownerUsername ?? "",
    ownerEmail: forOwner?.ownerEmail ?? "",
    ownerDisplayName: forOwner?.ownerDisplayName ?? "",
    portalId: forOwner?.portalId ?? "",
    portalDomain: domain,
    ...forTerminal,
  };
}

function render(header: CompiledHeader, values: IdentityValues): string {
  let out = "";
  for (const part of header.parts) {
    out += part.kind === "text" ? part.value : values[part.name as PlaceholderName];
  }

  return out;
}
