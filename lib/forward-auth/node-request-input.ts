import type { IncomingMessage } from "node:http";
import type { AuthInput } from "./auth-input";

/** The decision's input from a node:http request. */
export function inputFromNodeRequest(req: IncomingMessage): AuthInput {
  const h = req.headers;
  // Only a name with an underscore can be a folded identity header (see
  // AuthInput.headerNames), and such names are rare: collect just those.
  const names: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? "";
    if (name.includes("_")) names.push(name);
  }

  return {
    method: req.method ?? "GET",
    cookie: joined(h.cookie, "; "),
    authorization: h.authorization,
    accept: h.accept,
    xRequestedWith: one(h["x-requested-with"]),
    forwardedHost: one(h["x-forwarded-host"]),
    forwardedUri: one(h["x-forwarded-uri"]),
    forwardedProto: one(h["x-forwarded-proto"]),
    forwardedMethod: one(h["x-forwarded-method"]),
    forwardedFor: one(h["x-forwarded-for"]),
    originalUrl: one(h["x-original-url"]),
    originalMethod: one(h["x-original-method"]),
    headerNames: names,
  };
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

// Node joins repeated custom headers with ", "; a repeated X-Forwarded-Host
// therefore reads as a list, whose first entry parseAuthRequest takes.
function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function joined(value: string | string[] | undefined, separator: string): string | undefined {
  return Array.isArray(value) ? value.join(separator) : value;
}
