import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { Duplex } from "node:stream";
import type { PortalConfig } from "../config/config";
import type { AuthDecision } from "./auth-input";
import type { DecisionContext } from "./decide";
import { forwardAuthContext } from "./forward-auth-context";
import { inputFromNodeRequest } from "./node-request-input";
import { answerAuthRequest } from "./safe-decide";

export const authPath = "/api/internal/auth";

type ListenerConfig = Pick<PortalConfig, "authPort" | "authHost"> & Partial<PortalConfig>;

/**
 * The forward-auth endpoint on its own node:http server, beside the console.
 * A reverse proxy calls it before every request to every app, so it skips
 * Next.js's request pipeline (routing, middleware, Web Request objects),
 * which costs far more than the decision itself. It must not be exposed
 * publicly: bind it to loopback or the proxy's private network.
 *
 * `context` defaults to the console's state store and signing key; tests
 * pass their own.
 */
export async function startAuthListener(
  cfg: ListenerConfig,
  context: () => DecisionContext = forwardAuthContext(cfg as PortalConfig),
): Promise<Server> {
  const server = createServer({ keepAlive: true }, (req, res) => {
    if (!isAuthPath(req.url)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");

      return;
    }
    // Written in the request's own tick when the decision is synchronous.
    const answer = answerAuthRequest(inputFromNodeRequest(req), context());
    if (answer instanceof Promise) {
      void answer.then(
        (decision) => send(res, decision),
        () => res.destroy(),
      );
    } else {
      send(res, answer);
    }
  });
  // A WebSocket handshake reaches the proxy first; a proxy that forwards its
  // Upgrade headers makes node emit 'upgrade' instead of 'request'. The auth
  // answer is the same as for a GET, written by hand on the socket.
  server.on("upgrade", (req: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => socket.destroy());
    if (!isAuthPath(req.url)) {
      socket.end(rawResponse({ status: 404, reason: "not found", headers: {} }), "latin1");

      return;
    }
    const answer = answerAuthRequest(inputFromNodeRequest(req), context());
    const write = (decision: AuthDecision) => socket.end(rawResponse(decision), "latin1");
    if (answer instanceof Promise) void answer.then(write, () => socket.destroy());
    else write(answer);
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  });
  // Longer than the proxies' own idle timeouts (nginx 60 s, Traefik 90 s),
  // so the proxy, not this server, closes an idle connection: a request
  // sent just as the server closes would fail.
  server.keepAliveTimeout = 95_000;
  server.headersTimeout = 100_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(cfg.authPort, cfg.authHost, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return server;
}

function send(res: ServerResponse, decision: AuthDecision): void {
  try {
    res.writeHead(decision.status, headersOf(decision)).end(bodyOf(decision));
  } catch {
    if (!res.headersSent) res.writeHead(400).end("the request could not be answered\n");
    else res.destroy();
  }
}

function isAuthPath(url: string | undefined): boolean {
  if (!url?.startsWith(authPath)) return false;
  const rest = url.charCodeAt(authPath.length);

  return Number.isNaN(rest) || rest === 63; // end or "?"
}

function headersOf(decision: AuthDecision): Readonly<Record<string, string>> {
  if (decision.status === 200) return decision.headers;

  return { ...decision.headers, "Content-Type": "text/plain; charset=utf-8" };
}

function bodyOf(decision: AuthDecision): string {
  return decision.status === 200 ? "" : `${decision.reason}\n`;
}

function rawResponse(decision: AuthDecision): string {
  const body = bodyOf(decision);
  const lines = [`HTTP/1.1 ${decision.status} ${STATUS_CODES[decision.status] ?? ""}`];
  for (const [name, value] of Object.entries(headersOf(decision))) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, "Connection: close", "", body);

  return lines.join("\r\n");
}
