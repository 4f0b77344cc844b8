import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import net, { type Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { PortalConfig } from "../config/config";
import { type AuthDecision, refuse } from "./auth-input";
import type { DecisionContext } from "./decide";
import { forwardAuthContext } from "./forward-auth-context";
import { readPlainHead } from "./request-head";
import { inputFromRawHeaders } from "./request-input";
import { keepAliveSeconds, responseBody, responseHeaders, responseText } from "./response-text";
import { answerAuthRequest } from "./safe-decide";

export const authPath = "/api/internal/auth";

type ListenerConfig = Pick<PortalConfig, "authPort" | "authHost"> & Partial<PortalConfig>;

// Longer than the proxies' own idle timeouts (nginx 60 s, Traefik 90 s),
// so the proxy, not this server, closes an idle connection: a request
// sent just as the server closes would fail.
const keepAliveTimeoutMs = keepAliveSeconds * 1000;
/** How long a request head may take to arrive, as node's `headersTimeout`. */
const headersTimeoutMs = 100_000;

/** The answer to one request, by its method, target and raw headers. */
type Answer = (
  method: string,
  target: string | undefined,
  rawHeaders: readonly string[],
) => AuthDecision | Promise<AuthDecision>;

/**
 * The forward-auth endpoint on a server of its own, beside the console. A
 * reverse proxy calls it before every request to every app, so it skips
 * Next.js's request pipeline (routing, middleware, Web Request objects),
 * and for the plain requests that proxies send it skips node:http's request
 * and response objects too: it reads the head itself (see request-head.ts)
 * and writes the answer as one string. Any other request on a connection
 * hands that connection to a node:http server with the same answer.
 * It must not be exposed publicly: bind it to loopback or the proxy's
 * private network.
 *
 * `context` defaults to the console's state store and signing key; tests
 * pass their own.
 */
export async function startAuthListener(
  cfg: ListenerConfig,
  context: () => DecisionContext = forwardAuthContext(cfg as PortalConfig),
): Promise<net.Server> {
  const answer: Answer = (method, target, rawHeaders) =>
    isAuthPath(target)
      ? answerAuthRequest(inputFromRawHeaders(method, rawHeaders), context())
      : refuse(404, "not found");
  const fallback = fallbackServer(answer);
  const connections = new Set<PlainConnection>();
  // Half-open, as node:http is: a client may finish sending and still be
  // owed its answers, and a connection handed to node:http must be too.
  const server = net.createServer({ noDelay: true, allowHalfOpen: true }, (socket) => {
    const connection = new PlainConnection(socket, answer, fallback);
    connections.add(connection);
    socket.once("close", () => connections.delete(connection));
  });
  // Like node:http's close: connections with no request in progress end
  // now, the others after their answer.
  const close = server.close.bind(server);
  server.close = (callback) => {
    close(callback);
    for (const connection of connections) connection.closeWhenIdle();
    fallback.close();

    return server;
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(cfg.authPort, cfg.authHost, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return server;
}

/**
 * One client connection while its requests are plain. Requests are
 * answered in order, and the answers written once a turn of the event loop
 * (see queueFlush). An answer that waits for a token check holds back the
 * requests behind it.
 */
class PlainConnection {
  /** Bytes received and not yet answered, as latin1 text (one char a byte). */
  private pending = "";
  /** Answers made in this turn of the event loop, not yet written. */
  private queued = "";
  private waiting = false;
  private closing = false;
  private headSince = 0;
  /** node:http reads this connection now; its own close handles it. */
  private handedOver = false;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  /** The client sent all it will: answer what was asked, then close. */
  private readonly onEnd = () => {
    this.pending = "";
    this.closeWhenIdle();
  };

  constructor(
    private readonly socket: Socket,
    private readonly answer: Answer,
    private readonly fallback: Server,
  ) {
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("error", () => socket.destroy());
    socket.setTimeout(keepAliveTimeoutMs, () => socket.destroy());
  }

  closeWhenIdle(): void {
    this.closing = true;
    if (!this.handedOver && !this.waiting && this.pending === "") this.end();
  }

  private receive(chunk: Buffer): void {
    const text = chunk.toString("latin1");
    this.pending = this.pending === "" ? text : this.pending + text;
    this.serve();
  }

  private serve(): void {
    let out = "";
    let at = 0;
    while (!this.waiting && at < this.pending.length) {
      const head = readPlainHead(this.pending, at);
      if (head === "incomplete") break;
      if (head === null) {
        this.write(out);
        this.flush();
        this.handOver(this.pending.slice(at));

        return;
      }
      at = head.end;
      const keepAlive = !head.close && !this.closing;
      const answer = this.answer(head.method, head.target, head.headers);
      if (answer instanceof Promise) {
        this.waiting = true;
        void answer.then(
          (decision) => this.answered(decision, keepAlive),
          () => this.socket.destroy(),
        );
        break;
      }
      out += responseText(answer, keepAlive);
      if (!keepAlive) {
        this.finish(out);

        return;
      }
    }
    this.pending = at === 0 ? this.pending : this.pending.slice(at);
    this.write(out);
    this.checkHeadTime();
  }

  private answered(decision: AuthDecision, keepAlive: boolean): void {
    this.waiting = false;
    if (this.socket.destroyed) return;
    if (!keepAlive) {
      this.finish(responseText(decision, false));

      return;
    }
    this.write(responseText(decision, true));
    if (this.pending !== "") this.serve();
    else if (this.closing) this.end();
  }

  private write(text: string): void {
    if (text === "") return;
    if (this.queued === "") queueFlush(this);
    this.queued += text;
  }

  /** The last answer: no more requests are read on this connection. */
  private finish(last: string): void {
    this.pending = "";
    this.socket.off("data", this.onData);
    this.end(last);
  }

  /** Writes what is queued and `last`, and closes. */
  private end(last = ""): void {
    const text = this.queued + last;
    this.queued = "";
    this.socket.end(text, "latin1");
  }

  /** Writes what was queued in this turn of the event loop. */
  flush(): void {
    const text = this.queued;
    this.queued = "";
    if (text === "" || this.socket.destroyed || this.socket.write(text, "latin1")) return;
    // The client reads slower than it asks: stop reading until it catches up.
    if (this.socket.isPaused()) return;
    this.socket.pause();
    this.socket.once("drain", () => this.socket.resume());
  }

  /** A head that trickles in for longer than node:http would wait is dropped. */
  private checkHeadTime(): void {
    if (this.pending === "") {
      this.headSince = 0;
    } else if (this.headSince === 0) {
      this.headSince = Date.now();
    } else if (Date.now() - this.headSince > headersTimeoutMs) {
      this.socket.destroy();
    }
  }

  /**
   * From here on node:http reads this connection: the bytes not yet answered
   * go back in front of the stream, and node's parser starts on them before
   * any later read (the stream replays them on the next tick; the socket's
   * next read comes from a later turn of the event loop).
   */
  private handOver(rest: string): void {
    const socket = this.socket;
    this.handedOver = true;
    socket.off("data", this.onData);
    socket.off("end", this.onEnd);
    socket.setTimeout(0);
    socket.removeAllListeners("timeout");
    socket.pause();
    this.pending = "";
    if (rest !== "") socket.unshift(Buffer.from(rest, "latin1"));
    this.fallback.emit("connection", socket);
    socket.resume();
  }
}

// Answers are written together once a turn of the event loop has read all
// the requests that had arrived. A write on loopback wakes the client when
// it sleeps, and on a virtual machine each wake costs more than the answer
// itself; one burst of writes wakes it once.
const flushQueue: PlainConnection[] = [];

function queueFlush(connection: PlainConnection): void {
  if (flushQueue.push(connection) === 1) setImmediate(flushAll);
}

function flushAll(): void {
  for (const connection of flushQueue.splice(0)) connection.flush();
}

/** node:http with the same answer, for the requests the plain path leaves to it. */
function fallbackServer(answer: Answer): Server {
  const server = createHttpServer({ keepAlive: true }, (req, res) => {
    const decision = answer(req.method ?? "GET", req.url, req.rawHeaders);
    if (decision instanceof Promise) {
      void decision.then(
        (settled) => send(res, settled),
        () => res.destroy(),
      );
    } else {
      send(res, decision);
    }
  });
  // A WebSocket handshake reaches the proxy first; a proxy that forwards its
  // Upgrade headers makes node emit 'upgrade' instead of 'request'. The auth
  // answer is the same as for a GET, written by hand on the socket.
  server.on("upgrade", (req: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => socket.destroy());
    const decision = answer(req.method ?? "GET", req.url, req.rawHeaders);
    const write = (settled: AuthDecision) => socket.end(responseText(settled, false), "latin1");
    if (decision instanceof Promise) void decision.then(write, () => socket.destroy());
    else write(decision);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status =
      error.code === "HPE_HEADER_OVERFLOW"
        ? "431 Request Header Fields Too Large"
        : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.headersTimeout = headersTimeoutMs;
  // node:http starts tracking its connections (for headersTimeout,
  // requestTimeout and closeIdleConnections) when it starts listening. This
  // one never listens, it is handed connections; so it is told it did.
  server.emit("listening");

  return server;
}

function send(res: ServerResponse, decision: AuthDecision): void {
  try {
    res.writeHead(decision.status, responseHeaders(decision)).end(responseBody(decision));
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
