import { config } from "../config/config";
import type { DecisionContext } from "./decide";
import { forwardAuthContext } from "./forward-auth-context";
import { inputFromWebRequest } from "./request-input";
import { answerAuthRequest } from "./safe-decide";

let defaultContext: (() => DecisionContext) | undefined;

/**
 * The forward-auth endpoint as a Fetch API handler, for the Next.js route.
 * Same decision as the dedicated listener; slower only by what Next.js does
 * around it.
 */
export async function handleAuthRequest(
  request: Request,
  context?: () => DecisionContext,
): Promise<Response> {
  const ctx = (context ?? consoleContext())();
  const decision = await answerAuthRequest(inputFromWebRequest(request), ctx);
  const headers = new Headers(decision.headers);
  headers.set("Cache-Control", "no-store");
  if (decision.status === 200) return new Response(null, { status: 200, headers });
  headers.set("Content-Type", "text/plain; charset=utf-8");

  return new Response(`${decision.reason}\n`, { status: decision.status, headers });
}

function consoleContext(): () => DecisionContext {
  defaultContext ??= forwardAuthContext(config());

  return defaultContext;
}
