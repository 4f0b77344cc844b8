import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

/** The only algorithm a session token may use; anything else is refused. */
export const sessionAlgorithm = "HS256";

const payloadSchema = z.object({
  sub: z.string().min(1).max(64),
  jti: z.string().min(1).max(64),
  iat: z.number().int(),
  exp: z.number().int(),
});

export type SessionClaims = z.infer<typeof payloadSchema>;

/** Signs a session token naming `terminalId`, valid for `ttlSeconds`. */
export async function signSessionToken(
  terminalId: string,
  key: Uint8Array,
  ttlSeconds: number,
  tokenId: string = randomBytes(12).toString("base64url"),
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: sessionAlgorithm, typ: "JWT" })
    .setSubject(terminalId)
    .setJti(tokenId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/**
 * Verifies a session token's signature, algorithm and expiry, and the shape
 * of its claims. Returns null for any token that fails; it does not know
 * whether the terminal is still paired, which the caller checks.
 */
export async function verifySessionToken(
  token: string,
  key: Uint8Array,
): Promise<SessionClaims | null> {
  if (token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: [sessionAlgorithm] });
    const claims = payloadSchema.safeParse(payload);

    return claims.success ? claims.data : null;
  } catch {
    return null;
  }
}
