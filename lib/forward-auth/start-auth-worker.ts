import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PortalConfig } from "../config/config";
import { logger } from "../log/logger";
import { loadSigningKey } from "../session/signing-key";
import { stateStore } from "../state/state-store";
import type { AuthWorkerData, AuthWorkerMessage } from "./auth-worker";

/**
 * Starts the forward-auth listener in a worker thread and keeps it fed with
 * the state store's snapshots. `root` is the project folder: the built
 * server runs the bundled `dist/auth-worker.mjs`, the development server the
 * TypeScript source through tsx.
 *
 * Every app depends on this listener, so a worker that dies after it
 * started (an uncaught error, say) is logged and started again, a second
 * later, on the same port; until then the proxies refuse the apps, which
 * fails closed.
 */
export async function startAuthWorker(
  cfg: PortalConfig,
  root: string,
  bundled: boolean,
): Promise<{ close: () => Promise<void>; worker: () => Worker }> {
  let stopping = false;
  let current = await spawnAuthWorker(cfg, root, bundled);
  const keep = (running: Worker) => {
    running.on("error", (error) =>
      logger().error({ err: error }, "the forward-auth worker failed"),
    );
    running.once("exit", (code) => {
      if (stopping) return;
      logger().error({ code }, "the forward-auth worker stopped; starting it again");
      const restart = () => {
        if (stopping) return;
        spawnAuthWorker(cfg, root, bundled).then(
          (worker) => {
            current = worker;
            logger().info("forward-auth listener listening again");
            keep(worker);
          },
          (error: unknown) => {
            logger().error({ err: error }, "the forward-auth worker could not start");
            setTimeout(restart, restartDelayMs).unref();
          },
        );
      };
      setTimeout(restart, restartDelayMs).unref();
    });
  };
  keep(current);

  return {
    close: async () => {
      stopping = true;
      await current.terminate();
    },
    /** The worker running now. */
    worker: () => current,
  };
}

const restartDelayMs = 1000;

/** One worker with its listener, ready to answer. */
async function spawnAuthWorker(cfg: PortalConfig, root: string, bundled: boolean): Promise<Worker> {
  const store = stateStore();
  const workerData: AuthWorkerData = {
    authPort: cfg.authPort,
    authHost: cfg.authHost,
    domain: cfg.domain,
    portalUrl: cfg.portalUrl,
    key: loadSigningKey(cfg.dataDir),
    snapshot: store.snapshot,
  };
  const source = path.join(root, "lib", "forward-auth", "auth-worker.ts");
  // A worker does not inherit the parent's tsx loader: in development it
  // loads the TypeScript source through tsx's API itself.
  const worker = bundled
    ? new Worker(path.join(root, "dist", "auth-worker.mjs"), { workerData })
    : new Worker(
        `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ` +
          `${JSON.stringify(`file://${root}/`)}))`,
        { eval: true, workerData },
      );
  const unsubscribe = store.subscribe((_kind, snapshot) => {
    worker.postMessage({ type: "snapshot", snapshot });
  });
  worker.once("exit", unsubscribe);
  worker.on("message", (message: AuthWorkerMessage) => {
    if (message.type === "seen") for (const id of message.terminalIds) store.touch(id);
  });

  await new Promise<void>((resolve, reject) => {
    worker.on("message", (message: AuthWorkerMessage) => {
      if (message.type === "ready") resolve();
      else if (message.type === "failed") reject(new Error(message.message));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the forward-auth worker exited with ${code}`)));
  });

  return worker;
}
