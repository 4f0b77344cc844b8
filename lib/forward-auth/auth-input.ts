/**
 * What the forward-auth decision reads from one auth request: plain header
 * values, never a framework's request object, so the dedicated listener,
 * the Next.js route handler and the tests all feed it the same way.
 */
export type AuthInput = {
  /** The auth request's own method; used only when no proxy header names one. */
  method: string;
  cookie?: string | null;
  authorization?: string | null;
  accept?: string | null;
  xRequestedWith?: string | null;
  /** Traefik and Caddy describe the original request with these. */
  forwardedHost?: string | null;
  forwardedUri?: string | null;
  forwardedProto?: string | null;
  forwardedMethod?: string | null;
  forwardedFor?: string | null;
  /** nginx's `auth_request` describes it with these (see the generated config). */
  originalUrl?: string | null;
  originalMethod?: string | null;
  /**
   * Header names of the auth request, as received; only looked at for
   * `X-Ptl_*` spellings that some app servers fold into `X-Ptl-*`, so an
   * adapter may pass just the names that contain an underscore.
   */
  headerNames?: readonly string[];
};

/**
 * The answer. `headers` holds the identity headers on 200 and `Location` on
 * 302 and 401; `reason` is a short phrase for the body and the debug log.
 */
export type AuthDecision = {
  status: 200 | 302 | 400 | 401 | 403 | 404;
  reason: string;
  headers: Readonly<Record<string, string>>;
};

/** A refusal that carries no headers. */
export function refuse(status: 400 | 403 | 404, reason: string): AuthDecision {
  return { status, reason, headers: {} };
}
