import { config } from "../config/config";
import { db } from "../db/client";
import { stateStore } from "../state/state-store";
import { verifySessionToken } from "./session-token";
import { loadSigningKey } from "./signing-key";

export type CurrentTerminal = { id: string; name: string; icon: string; tokenId: string };

/**
 * The terminal a session token names, if the token is valid and the
 * terminal is still paired. The console asks the database, the source of
 * revocation, so a revoked device is refused on its very next request.
 */
export async function authenticate(token: string | null): Promise<CurrentTerminal | null> {
  if (!token) return null;

  const claims = await verifySessionToken(token, loadSigningKey(config().dataDir));
  if (!claims) return null;

  const terminal = await db().terminal.findFirst({
    where: { id: claims.sub, revokedAt: null },
    select: { id: true, name: true, icon: true },
  });
  if (!terminal) return null;

  stateStore().touch(terminal.id);

  return { ...terminal, tokenId: claims.jti };
}
