import { type SessionClaims, verifySessionToken } from "../session/session-token";

const maxEntries = 10_000;

/**
 * Verifies session tokens and remembers the ones that passed, by their exact
 * text, so a token is checked with HMAC once and then found in a map. A
 * remembered token still expires on time: `exp` is compared on every use.
 * The cache says nothing about revocation; the caller checks the terminal.
 * Failures are not remembered, so a later valid token is never shadowed.
 */
export class TokenVerifier {
  private verified = new Map<string, SessionClaims>();

  constructor(private readonly key: Uint8Array) {}

  /** The claims of a valid token; synchronous when the token was seen before. */
  verify(token: string, now = Date.now()): SessionClaims | null | Promise<SessionClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > now) return known;
      this.verified.delete(token);

      return null;
    }

    return verifySessionToken(token, this.key).then((claims) => {
      if (claims && claims.exp * 1000 > now) this.remember(token, claims);

      return claims;
    });
  }

  get size(): number {
    return this.verified.size;
  }

  private remember(token: string, claims: SessionClaims): void {
    // Maps keep insertion order: when full, the oldest entry goes first.
    if (this.verified.size >= maxEntries) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, claims);
  }
}

const verifiers = new WeakMap<Uint8Array, TokenVerifier>();

/** The process's verifier for `key`, shared by the listener and the route handler. */
export function tokenVerifier(key: Uint8Array): TokenVerifier {
  let verifier = verifiers.get(key);
  if (!verifier) {
    verifier = new TokenVerifier(key);
    verifiers.set(key, verifier);
  }

  return verifier;
}
