import { logger } from "../log/logger";
import type { AuthDecision, AuthInput } from "./auth-input";
import { type DecisionContext, decideForwardAuth } from "./decide";

/**
 * The decision as the servers call it: any unexpected failure becomes a 400
 * rather than a 5xx, since a proxy would show a 5xx to every visitor, and
 * each refusal is logged once at debug level, without credentials or query.
 * Synchronous when the decision is (see decideForwardAuth).
 */
export function answerAuthRequest(
  input: AuthInput,
  ctx: DecisionContext,
): AuthDecision | Promise<AuthDecision> {
  try {
    const decision = decideForwardAuth(input, ctx);
    if (!(decision instanceof Promise)) return logged(input, decision);

    return decision.then(
      (settled) => logged(input, settled),
      (error: unknown) => failed(input, error),
    );
  } catch (error) {
    return failed(input, error);
  }
}

function failed(input: AuthInput, error: unknown): AuthDecision {
  logger().warn({ err: error }, "forward auth could not decide");

  return logged(input, { status: 400, reason: "the request could not be read", headers: {} });
}

function logged(input: AuthInput, decision: AuthDecision): AuthDecision {
  if (decision.status === 200) return decision;

  const log = logger();
  if (log.isLevelEnabled("debug")) {
    log.debug(
      {
        status: decision.status,
        reason: decision.reason,
        host: input.forwardedHost ?? undefined,
        path: (input.forwardedUri ?? input.originalUrl ?? "").split("?")[0],
        client: input.forwardedFor ?? undefined,
      },
      "forward auth refused",
    );
  }

  return decision;
}
