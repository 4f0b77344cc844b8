// The console's process: Next.js for pages and the console API, and beside
// it the forward-auth listener, which answers the reverse proxy without
// Next.js's request pipeline. Both share one in-memory state store.
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { startAppEngine, stopAppEngine } from "./lib/apps/app-engine";
import { ConfigError, readConfig } from "./lib/config/config";
import { startAuthWorker } from "./lib/forward-auth/start-auth-worker";
import { clientAddress, clientAddressHeader } from "./lib/http/client-address";
import { logger } from "./lib/log/logger";
import { firstPairingCode, preparePortal } from "./lib/server/prepare-portal";
import { stateStore } from "./lib/state/state-store";

// Runs as server.ts under tsx in development, and as the bundle
// dist/server.mjs in production (see scripts/build-server.mjs).
const here = path.dirname(fileURLToPath(import.meta.url));
const bundled = path.basename(here) === "dist";
const root = bundled ? path.dirname(here) : here;
const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  const cfg = readConfig();
  process.env.NEXTAUTH_URL ??= `${cfg.portalUrl}/api/auth`;
  const log = logger();

  const { owner, created } = await preparePortal(cfg, root);
  if (created) log.info({ portalId: owner.portalId, owner: owner.username }, "created the Portal");
  await stateStore().start();
  // Resumes app work a crash cut off and follows the Docker Engine's events.
  await startAppEngine();
  const authListener = await startAuthWorker(cfg, root, bundled);
  log.info({ host: cfg.authHost, port: cfg.authPort }, "forward-auth listener listening");

  const app = next({ dev, dir: root, hostname: cfg.hostname, port: cfg.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    // Whatever the client sent under this name is replaced: only the socket
    // (or a trusted proxy in front of it) says who the client is.
    req.headers[clientAddressHeader] = addressOf(req, cfg.trustedProxies);
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(cfg.port, cfg.hostname, resolve));
  log.info({ url: cfg.portalUrl, port: cfg.port }, "console listening");

  const code = await firstPairingCode(cfg);
  if (code) {
    const until = code.expiresAt.toISOString();
    process.stdout.write(
      `\nPair your first device with code ${code.code} (valid until ${until}):\n${code.url}\n\n`,
    );
  }

  const stop = async (signal: string) => {
    log.info({ signal }, "stopping");
    server.close();
    await authListener.close();
    stopAppEngine();
    await stateStore().stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

function addressOf(req: IncomingMessage, trusted: readonly string[]): string {
  const forwarded = req.headers["x-forwarded-for"];

  return clientAddress(
    req.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trusted,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger().fatal({ err: error }, "the console could not start");
  }
  process.exit(1);
});
