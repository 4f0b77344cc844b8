import type { PortalConfig } from "../config/config";
import { loadSigningKey } from "../session/signing-key";
import { stateStore } from "../state/state-store";
import type { DecisionContext } from "./decide";
import { tokenVerifier } from "./token-verifier";

/**
 * The decision's context in the console process: the state store's current
 * snapshot (read anew on every call, since the store replaces it) and the
 * Portal's signing key.
 */
export function forwardAuthContext(cfg: PortalConfig): () => DecisionContext {
  const verifier = tokenVerifier(loadSigningKey(cfg.dataDir));
  const store = stateStore();
  const touch = (id: string) => store.touch(id);

  return () => ({
    snapshot: store.snapshot,
    domain: cfg.domain,
    portalUrl: cfg.portalUrl,
    verifier,
    touch,
  });
}
