import { logger } from "../log/logger";
import { projectName } from "./app-paths";
import { docker } from "./docker-client";

export type EventWatch = { stop: () => void };

type Options = {
  /** Called with the app name of each container event of an app of this Portal. */
  onAppEvent: (name: string) => void;
  /** Called after each (re)connection: events may have been missed meanwhile. */
  onConnect: () => void;
};

/**
 * Follows the engine's container events for containers that carry the
 * `portal.app` label, and reconnects, waiting a little longer each time up
 * to 10 s, whenever the stream drops or the engine is away.
 */
export function watchDockerEvents(options: Options): EventWatch {
  let stopped = false;
  let delayMs = 500;
  let timer: NodeJS.Timeout | undefined;
  let current: NodeJS.ReadableStream | undefined;

  const retry = () => {
    current = undefined;
    if (stopped) return;
    timer = setTimeout(() => void connect(), delayMs);
    timer.unref();
    delayMs = Math.min(delayMs * 2, 10_000);
  };

  const connect = async () => {
    try {
      const stream = await docker().getEvents({
        filters: { type: ["container"], label: ["portal.app"] },
      });
      if (stopped) {
        destroy(stream);
        return;
      }
      current = stream;
      delayMs = 500;
      logger().info("following Docker Engine events");
      options.onConnect();
      let partial = "";
      stream.on("data", (chunk: Buffer) => {
        const lines = (partial + chunk.toString("utf8")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) handle(line, options.onAppEvent);
      });
      stream.once("error", () => undefined);
      stream.once("close", () => {
        if (!stopped) logger().warn("the Docker Engine event stream dropped; reconnecting");
        retry();
      });
    } catch (error) {
      logger().warn({ err: error, retryMs: delayMs }, "cannot follow Docker Engine events");
      retry();
    }
  };

  void connect();

  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      if (current) destroy(current);
    },
  };
}

function handle(line: string, onAppEvent: (name: string) => void): void {
  if (!line.trim()) return;
  try {
    const event = JSON.parse(line) as { Actor?: { Attributes?: Record<string, string> } };
    const labels = event.Actor?.Attributes ?? {};
    const name = labels["portal.app"];
    if (name && labels["com.docker.compose.project"] === projectName(name)) onAppEvent(name);
  } catch {
    // Not an event line.
  }
}

function destroy(stream: NodeJS.ReadableStream): void {
  (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
}
