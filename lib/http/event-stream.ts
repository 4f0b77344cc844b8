/**
 * A server-sent events response. `start` gets a `send` function and returns
 * the cleanup to run when the client goes away. A comment line every 15 s
 * keeps proxies from closing an idle stream.
 */
export function eventStream(
  signal: AbortSignal,
  start: (send: (event: string, data: unknown) => void) => () => void,
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  let heartbeat: NodeJS.Timeout | undefined;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          // The stream is closed; the abort handler cleans up.
        }
      };
      const close = () => {
        clearInterval(heartbeat);
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      };
      cleanup = start(send);
      heartbeat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": keep-alive\n\n"));
        } catch {
          close();
        }
      }, 15_000);
      signal.addEventListener("abort", close, { once: true });
      send("ready", {});
    },
    cancel() {
      clearInterval(heartbeat);
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
