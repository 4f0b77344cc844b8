import type { AuthInput } from "./auth-input";

/** The original request, as the proxy described it. */
export type AuthTarget = {
  method: string;
  proto: "http" | "https" | "ws" | "wss";
  /** Lower case, without port or trailing dot: what names the app. */
  hostname: string;
  /** `hostname[:port]`, for the return URL. */
  authority: string;
  /** The path without query or fragment, still percent-encoded. */
  rawPath: string;
  /** Path and query as the client sent them. */
  rawUri: string;
};

export type ParsedAuthRequest = { ok: true; target: AuthTarget } | { ok: false; reason: string };

const methodRe = /^[A-Za-z]{1,20}$/;
const hostnameRe = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
const protos = new Set(["http", "https", "ws", "wss"]);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const badUriRe = /[\u0000-\u0020\u007f#]/;

/**
 * Reads where the original request went. Traefik and Caddy say so with
 * X-Forwarded-Host/Uri/Proto/Method, nginx (as configured by the generated
 * file) with X-Original-URL/Method. The auth request's own Host names this
 * listener, not the app, so it is never used.
 *
 * Both proxies of the first kind copy the client's headers into the auth
 * request, so a client could add an X-Original-URL of its own; when both
 * descriptions are present they must agree, or the request is refused.
 */
export function parseAuthRequest(input: AuthInput, defaultProto: "http" | "https") {
  const forwarded = fromForwardedHeaders(input, defaultProto);
  const original = input.originalUrl ? fromOriginalUrl(input) : undefined;
  if (forwarded && !forwarded.ok) return forwarded;
  if (original && !original.ok) return original;

  if (forwarded && original) {
    const a = forwarded.target;
    const b = original.target;
    if (a.hostname !== b.hostname || a.rawUri !== b.rawUri || a.method !== b.method) {
      return fail("X-Original-URL disagrees with X-Forwarded-Host and X-Forwarded-Uri");
    }
  }
  const parsed = forwarded ?? original;
  if (!parsed) return fail("no host: send X-Forwarded-Host or X-Original-URL");
  if (input.headerNames?.some(isFoldedIdentityHeader)) {
    return fail("an X-Ptl header spelled with underscores");
  }

  return parsed;
}

function fromForwardedHeaders(
  input: AuthInput,
  defaultProto: "http" | "https",
): ParsedAuthRequest | undefined {
  const hostHeader = firstValue(input.forwardedHost);
  if (!hostHeader) return undefined;

  const uri = input.forwardedUri;
  if (!uri) return fail("X-Forwarded-Uri is missing");
  const proto = (firstValue(input.forwardedProto) || defaultProto).toLowerCase();
  const method = input.forwardedMethod || input.method;

  return build(method, proto, hostHeader, uri);
}

function fromOriginalUrl(input: AuthInput): ParsedAuthRequest {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(input.originalUrl ?? "");
  if (!match) return fail("X-Original-URL is not an absolute URL");
  const [, scheme = "", authority = "", rest = ""] = match;
  if (!authority) return fail("no host in X-Original-URL");

  return build(input.originalMethod || input.method, scheme.toLowerCase(), authority, rest || "/");
}

function build(method: string, proto: string, authority: string, uri: string) {
  if (!methodRe.test(method)) return fail("the method is not a method");
  if (!protos.has(proto)) return fail("the protocol must be http, https, ws or wss");
  if (uri.length > 8192 || !uri.startsWith("/") || badUriRe.test(uri)) {
    return fail("the URI must be a path starting with /");
  }

  const host = splitAuthority(authority.trim().toLowerCase());
  if (!host) return fail("the host is not a host name");
  const query = uri.indexOf("?");

  const target: AuthTarget = {
    method: method.toUpperCase(),
    proto: proto as AuthTarget["proto"],
    hostname: host.hostname,
    authority: host.port ? `${host.hostname}:${host.port}` : host.hostname,
    rawPath: query === -1 ? uri : uri.slice(0, query),
    rawUri: uri,
  };

  return { ok: true, target } as const;
}

/** `Name.Example.org.:8443` → `name.example.org` and `8443`; IPv6 literals too. */
function splitAuthority(authority: string): { hostname: string; port: string } | null {
  // The common case: a plain name, no port, no trailing dot.
  if (authority.length <= 253 && hostnameRe.test(authority)) {
    return { hostname: authority, port: "" };
  }
  if (authority.includes("@")) return null;
  const v6 = /^(\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/.exec(authority);
  if (v6) return { hostname: v6[1] ?? "", port: v6[2] ?? "" };

  const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!match) return null;
  const hostname = (match[1] ?? "").replace(/\.$/, "");
  if (!hostnameRe.test(hostname) || hostname.length > 253) return null;

  return { hostname, port: match[2] ?? "" };
}

/** The first of a comma-separated list: the host the client asked for. */
function firstValue(value: string | null | undefined): string {
  if (!value) return "";
  const comma = value.indexOf(",");

  return (comma === -1 ? value : value.slice(0, comma)).trim();
}

/**
 * `X-Ptl_User` is not `X-Ptl-User` to a proxy, so no proxy strips it, but
 * CGI, PHP and WSGI servers fold both into HTTP_X_PTL_USER. Refusing such
 * requests keeps a client from smuggling an identity that way.
 */
function isFoldedIdentityHeader(name: string): boolean {
  return name.includes("_") && /^x[-_]ptl[-_]/i.test(name);
}

function fail(reason: string) {
  return { ok: false, reason } as const;
}
