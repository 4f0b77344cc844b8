import { logger } from "../log/logger";
import type { AuthDecision, AuthInput } from "./auth-input";
import { type DecisionContext, decideForwardAuth } from "./decide";

/**
 * The decision as the servers call it: any unexpected failure becomes a 400
 * rather than a 5xx, since a proxy would show a 5xx to every visitor, and
 * each refusal is logged once at debug level, without credentials or query.
 */
export async function answerAuthRequest(
  input: AuthInput,
  ctx: DecisionContext,
): Promise<AuthDecision> {
  let decision: AuthDecision;
  try {
    decision = await decideForwardAuth(input, ctx);
  } catch (error) {
    logger().warn({ err: error }, "forward auth could not decide");
    decision = { status: 400, reason: "the request could not be read", headers: {} };
  }

  if (decision.status !== 200) {
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
  }

  return decision;
}
