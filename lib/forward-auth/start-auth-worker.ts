import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PortalConfig } from "../config/config";
import { loadSigningKey } from "../session/signing-key";
import { stateStore } from "../state/state-store";
import type { AuthWorkerData, AuthWorkerMessage } from "./auth-worker";

/**
 * Starts the forward-auth listener in a worker thread and keeps it fed with
 * the state store's snapshots. `root` is the project folder: the built
 * server runs the bundled `dist/auth-worker.mjs`, the development server the
 * TypeScript source through tsx.
 */
export async function startAuthWorker(
  cfg: PortalConfig,
  root: string,
  bundled: boolean,
): Promise<{ close: () => Promise<void> }> {
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

  await new Promise<void>((resolve, reject) => {
    worker.on("message", (message: AuthWorkerMessage) => {
      if (message.type === "ready") resolve();
      else if (message.type === "failed") reject(new Error(message.message));
      else for (const id of message.terminalIds) store.touch(id);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the forward-auth worker exited with ${code}`)));
  });

  return {
    close: async () => {
      unsubscribe();
      await worker.terminate();
    },
  };
}
