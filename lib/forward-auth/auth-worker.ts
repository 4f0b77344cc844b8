// The forward-auth listener's own thread. The console process also runs
// Next.js, whose request machinery (async context tracking above all) makes
// every request in that thread dearer; here the listener has an isolate of
// its own. It decides from the snapshots the main thread posts after every
// reload of the state store, so a revocation arrives as soon as the store
// has it, and it posts back the terminals it saw, for last-seen times.
import { parentPort, workerData } from "node:worker_threads";
import type { Snapshot } from "../state/state-store";
import { startAuthListener } from "./auth-listener";
import type { DecisionContext } from "./decide";
import { TokenVerifier } from "./token-verifier";

export type AuthWorkerData = {
  authPort: number;
  authHost: string;
  domain: string;
  portalUrl: string;
  key: Uint8Array;
  snapshot: Snapshot;
};

export type AuthWorkerMessage =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "seen"; terminalIds: string[] };

const data = workerData as AuthWorkerData;
const port = parentPort;
const seen = new Set<string>();
const post = (message: AuthWorkerMessage) => port?.postMessage(message);
// One context for every request; a new snapshot replaces its field.
const context: DecisionContext = {
  snapshot: data.snapshot,
  domain: data.domain,
  portalUrl: data.portalUrl,
  verifier: new TokenVerifier(data.key),
  touch: (id) => seen.add(id),
};

port?.on("message", (message: { type: "snapshot"; snapshot: Snapshot }) => {
  if (message.type === "snapshot") context.snapshot = message.snapshot;
});

// Sightings go to the main thread once a second; the store batches writes.
setInterval(() => {
  if (seen.size === 0) return;
  post({ type: "seen", terminalIds: [...seen] });
  seen.clear();
}, 1000).unref();

startAuthListener(data, () => context).then(
  () => post({ type: "ready" }),
  (error: Error) => post({ type: "failed", message: error.message }),
);
