import { config } from "../config/config";
import type { DecisionContext } from "./decide";
import { forwardAuthContext } from "./forward-auth-context";
import { inputFromWebRequest } from "./request-input";
import { responseBody, responseHeaders } from "./response-text";
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
  const headers = new Headers(responseHeaders(decision));
  headers.set("Cache-Control", "no-store");

  return new Response(responseBody(decision) || null, { status: decision.status, headers });
}

function consoleContext(): () => DecisionContext {
  defaultContext ??= forwardAuthContext(config());

  return defaultContext;
}
