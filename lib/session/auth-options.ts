import { createHmac, randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "../config/config";
import { isPortalError } from "../errors/portal-error";
import { clientAddressHeader } from "../http/client-address";
import { logger } from "../log/logger";
import { pairTerminal } from "../pairing/pair-terminal";
import { authenticate } from "./authenticate";
import { sessionCookieName, sessionCookieOptions } from "./session-cookie";
import { signSessionToken } from "./session-token";
import { loadSigningKey } from "./signing-key";

/**
 * next-auth's configuration: one Credentials provider that redeems a pairing
 * code, JWT sessions signed and verified by our own jose code so the token is
 * the same one forward auth checks, and the terminal record as the authority.
 */
export function authOptions(): NextAuthOptions {
  const cfg = config();
  const key = loadSigningKey(cfg.dataDir);

  return {
    // next-auth uses this for its CSRF token; sessions use `key` directly.
    secret: createHmac("sha256", key).update("next-auth").digest("hex"),
    session: { strategy: "jwt", maxAge: cfg.sessionTtlSeconds },
    pages: { signIn: "/pair", error: "/pair" },
    cookies: {
      sessionToken: { name: sessionCookieName, options: sessionCookieOptions(cfg) },
    },
    logger: {
      error: (code) => logger().error({ nextAuth: code }, "next-auth error"),
      warn: (code) => logger().warn({ nextAuth: code }, "next-auth warning"),
      debug: () => {},
    },
    providers: [
      Credentials({
        id: "pairing-code",
        name: "Pairing code",
        credentials: {
          code: { label: "Pairing code", type: "text" },
          name: { label: "Device name", type: "text" },
          icon: { label: "Icon", type: "text" },
        },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          try {
            const terminal = await pairTerminal({
              code: credentials?.code ?? "",
              name: credentials?.name,
              icon: credentials?.icon,
              userAgent: String(headers["user-agent"] ?? ""),
              clientAddress: String(headers[clientAddressHeader] ?? "unknown"),
            });

            return { id: terminal.id, name: terminal.name };
          } catch (error) {
            // next-auth passes the message to the client: send the stable code.
            if (isPortalError(error)) throw new Error(error.code);
            throw error;
          }
        },
      }),
    ],
    jwt: {
      async encode({ token, maxAge }) {
        if (!token?.sub) throw new Error("A session needs a terminal");
        const jti =
          typeof token.jti === "string" ? token.jti : randomBytes(12).toString("base64url");

        return signSessionToken(token.sub, key, maxAge ?? cfg.sessionTtlSeconds, jti);
      },
      async decode({ token }) {
        const terminal = await authenticate(token ?? null);
        if (!terminal) return null;

        return { sub: terminal.id, jti: terminal.tokenId, name: terminal.name };
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sub = user.id;

        return token;
      },
      async session({ session, token }) {
        return { ...session, terminalId: token.sub };
      },
    },
  };
}
