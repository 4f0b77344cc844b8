import { config } from "../config/config";
import { PortalError } from "../errors/portal-error";
import { logger } from "../log/logger";
import { authenticate, type CurrentTerminal } from "../session/authenticate";
import { bearerToken, sessionTokenFromCookieHeader } from "../session/session-cookie";
import { toErrorResponse } from "./api-response";
import { clientAddressHeader } from "./client-address";
import { isAllowedWrite } from "./same-origin";

export type ConsoleContext = {
  terminal: CurrentTerminal;
  clientAddress: string;
  params: Record<string, string>;
};

type Handler = (request: Request, context: ConsoleContext) => Promise<Response>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a console API route handler: refuses cross-site writes, requires a
 * paired terminal (cookie or bearer token), maps errors to the one JSON
 * shape, and logs one line per request without its credentials.
 */
export function consoleRoute(handler: Handler) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    const started = performance.now();
    const url = new URL(request.url);
    let response: Response;
    let terminalId: string | undefined;
    try {
      const allowed = isAllowedWrite(
        request.method,
        {
          origin: request.headers.get("origin"),
          secFetchSite: request.headers.get("sec-fetch-site"),
        },
        config().portalUrl,
      );
      if (!allowed) {
        throw new PortalError("CROSS_ORIGIN", "Cross-site requests may not change the Portal.");
      }

      const token =
        bearerToken(request.headers.get("authorization")) ??
        sessionTokenFromCookieHeader(request.headers.get("cookie"));
      const terminal = await authenticate(token);
      if (!terminal) throw new PortalError("UNAUTHORIZED", "Pair this device first.");
      terminalId = terminal.id;

      const raw = route?.params ? await route.params : {};
      const params = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      response = await handler(request, {
        terminal,
        clientAddress: request.headers.get(clientAddressHeader) ?? "unknown",
        params,
      });
    } catch (error) {
      response = toErrorResponse(error);
    }

    const level = response.status >= 500 ? "error" : response.status >= 400 ? "warn" : "info";
    logger()[level](
      {
        method: request.method,
        path: url.pathname,
        status: response.status,
        terminalId,
        ms: Math.round(performance.now() - started),
      },
      "api",
    );

    return response;
  };
}
