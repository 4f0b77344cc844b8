import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stateStore } from "../state/state-store";
import { testPortal } from "../testing/test-portal";
import { send } from "./http-test-client";
import { startAuthWorker } from "./start-auth-worker";

const root = path.resolve(import.meta.dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

// The worker as the console starts it (from source, through tsx), on the
// real state store.
describe("the forward-auth worker", () => {
  let handle: Awaited<ReturnType<typeof startAuthWorker>>;
  let port = 0;

  beforeAll(async () => {
    const { cfg } = await testPortal();
    await stateStore().start();
    port = await freePort();
    handle = await startAuthWorker({ ...cfg, authPort: port, authHost: "127.0.0.1" }, root, false);
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    stateStore().stop();
  });

  const ask = () =>
    send(port, { "X-Forwarded-Host": "nothing.portal.test", "X-Forwarded-Uri": "/" });

  it("answers, and answers again after its worker dies", async () => {
    expect((await ask()).status).toBe(404);
    const first = handle.worker();

    await first.terminate();
    let answered = 0;
    for (let i = 0; i < 200 && answered === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      answered = await ask().then(
        (res) => res.status,
        () => 0,
      );
    }

    expect(answered).toBe(404);
    expect(handle.worker()).not.toBe(first);
  }, 60_000);
});
