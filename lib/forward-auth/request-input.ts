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
    switch (canonical.get(name) ?? lowerCased(name)) {
      case "cookie":
        input.cookie = input.cookie == null ? value : `${input.cookie}; ${value}`;
        break;
      case "authorization":
        input.authorization ??= value;
        break;
      case "accept":
        input.accept = listed(input.accept, value);
        break;
      case "x-requested-with":
        input.xRequestedWith = listed(input.xRequestedWith, value);
        break;
      case "x-forwarded-host":
        input.forwardedHost = listed(input.forwardedHost, value);
        break;
      case "x-forwarded-uri":
        input.forwardedUri = listed(input.forwardedUri, value);
        break;
      case "x-forwarded-proto":
        input.forwardedProto = listed(input.forwardedProto, value);
        break;
      case "x-forwarded-method":
        input.forwardedMethod = listed(input.forwardedMethod, value);
        break;
      case "x-forwarded-for":
        input.forwardedFor = listed(input.forwardedFor, value);
        break;
      case "x-original-url":
        input.originalUrl = listed(input.originalUrl, value);
        break;
      case "x-original-method":
        input.originalMethod = listed(input.originalMethod, value);
        break;
    }
    if (name.includes("_")) names.push(name);
  }
  input.headerNames = names;

  return input;
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

// The names read, as Go's proxies (Traefik, Caddy) and the generated nginx
// config spell them, so that the usual spelling needs no lower-casing.
const canonical = new Map(
  [
    "Cookie",
    "Authorization",
    "Accept",
    "X-Requested-With",
    "X-Forwarded-Host",
    "X-Forwarded-Uri",
    "X-Forwarded-Proto",
    "X-Forwarded-Method",
    "X-Forwarded-For",
    "X-Original-URL",
    "X-Original-Method",
  ].map((name) => [name, name.toLowerCase()]),
);

/** Any other spelling of a name read here, lower-cased; "" for names not read. */
function lowerCased(name: string): string {
  // The names read start with a, c or x.
  const initial = name.charCodeAt(0) | 0x20;

  return initial === 97 || initial === 99 || initial === 120 ? name.toLowerCase() : "";
}

function listed(before: string | null | undefined, value: string): string {
  return before == null ? value : `${before}, ${value}`;
}
