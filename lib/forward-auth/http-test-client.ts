// A small HTTP client for the listener tests: node's own, so the tests see
// exactly the bytes a proxy would, header names as sent.
import http from "node:http";
import net from "node:net";

export type TestResponse = { status: number; headers: Array<[string, string]>; body: string };

/** Sends one request and reads the whole answer. */
export function send(
  port: number,
  headers: Record<string, string>,
  options: { method?: string; path?: string; agent?: http.Agent } = {},
): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path ?? "/api/internal/auth",
        headers,
        agent: options.agent ?? false,
      },
      (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => {
          const pairs: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            pairs.push([res.rawHeaders[i] ?? "", res.rawHeaders[i + 1] ?? ""]);
          }
          resolve({ status: res.statusCode ?? 0, headers: pairs, body });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/**
 * Writes raw bytes on a fresh connection and returns everything read until
 * it closes; with `halfClose`, the client also ends its side after writing.
 */
export function sendRaw(port: number, text: string, halfClose = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () =>
      halfClose ? socket.end(text, "latin1") : socket.write(text, "latin1"),
    );
    let out = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      out += chunk;
    });
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

/** The first value of a header, by case-insensitive name. */
export function header(res: TestResponse, name: string): string | undefined {
  return res.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}
