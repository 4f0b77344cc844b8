import type { AuthInput } from "./auth-input";

/**
 * The decision's input from an auth request's method and its headers as a
 * flat list of names and values, as received (node's `rawHeaders`, or the
 * listener's own reading of a request head). Repeated headers are combined
 * the way node combines them in `req.headers`: Cookie with "; ", a repeated
 * Authorization ignored, any other with ", " (so a repeated
 * X-Forwarded-Host reads as a list, whose first entry parseAuthRequest takes).
 */
export function inputFromRawHeaders(method: string, raw: readonly string[]): AuthInput {
  const input: AuthInput = { method, headerNames: [] };
  // Only a name with an underscore can be a folded identity header (see
  // AuthInput.headerNames), and such names are rare: collect just those.
  const names: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? "";
    const value = raw[i + 1] ?? "";
    const field = fieldOf(name);
    if (field === "cookie") {
      input.cookie = input.cookie == null ? value : `${input.cookie}; ${value}`;
    } else if (field === "authorization") {
      input.authorization ??= value;
    } else if (field !== undefined) {
      const before = input[field];
      input[field] = before == null ? value : `${before}, ${value}`;
    }
    if (name.includes("_")) names.push(name);
  }
  input.headerNames = names;

  return input;
}

type HeaderField = Exclude<keyof AuthInput, "method" | "headerNames">;

const fieldsByName: ReadonlyArray<[string, HeaderField]> = [
  ["Cookie", "cookie"],
  ["Authorization", "authorization"],
  ["Accept", "accept"],
  ["X-Requested-With", "xRequestedWith"],
  ["X-Forwarded-Host", "forwardedHost"],
  ["X-Forwarded-Uri", "forwardedUri"],
  ["X-Forwarded-Proto", "forwardedProto"],
  ["X-Forwarded-Method", "forwardedMethod"],
  ["X-Forwarded-For", "forwardedFor"],
  ["X-Original-URL", "originalUrl"],
  ["X-Original-Method", "originalMethod"],
];
// Each name as Go's proxies (Traefik, Caddy) and the generated nginx config
// spell it, and lower-cased: the usual spellings need no lower-casing.
const fields = new Map<string, HeaderField>(
  fieldsByName.flatMap(([name, field]) => [
    [name, field],
    [name.toLowerCase(), field],
  ]),
);

/** The input field a header name fills, if any, in any letter case. */
function fieldOf(name: string): HeaderField | undefined {
  const field = fields.get(name);
  if (field !== undefined) return field;
  // The names read start with a, c or x; others need no lower-casing.
  const initial = name.charCodeAt(0) | 0x20;
  if (initial !== 97 && initial !== 99 && initial !== 120) return undefined;

  return fields.get(name.toLowerCase());
}

/** The decision's input from a Fetch API request (the Next.js route handler). */
export function inputFromWebRequest(request: Request): AuthInput {
  const h = request.headers;

  return {
    method: request.method,
    cookie: h.get("cookie"),
    authorization: h.get("authorization"),
    accept: h.get("accept"),
    xRequestedWith: h.get("x-requested-with"),
    forwardedHost: h.get("x-forwarded-host"),
    forwardedUri: h.get("x-forwarded-uri"),
    forwardedProto: h.get("x-forwarded-proto"),
    forwardedMethod: h.get("x-forwarded-method"),
    forwardedFor: h.get("x-forwarded-for"),
    originalUrl: h.get("x-original-url"),
    originalMethod: h.get("x-original-method"),
    headerNames: [...h.keys()].filter((name) => name.includes("_")),
  };
}
