import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRaw } from "./http-test-client";
import { maxHeadBytes, readPlainHead } from "./request-head";
import { seededRandom } from "./test-support";

const head = (...lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;
const plain = ["GET /api/internal/auth?x=1 HTTP/1.1", "Host: 127.0.0.1:9091"];

describe("reading a plain request head", () => {
  it("reads the method, the target and the headers as sent, values trimmed", () => {
    const text = head(...plain, "X-Forwarded-Host:  whoami.portal.test \t", "cookie:a=1");

    expect(readPlainHead(text, 0)).toEqual({
      end: text.length,
      method: "GET",
      target: "/api/internal/auth?x=1",
      headers: [
        "Host",
        "127.0.0.1:9091",
        "X-Forwarded-Host",
        "whoami.portal.test",
        "cookie",
        "a=1",
      ],
      close: false,
    });
  });

  it("keeps an empty value, and inner spaces and tabs", () => {
    const read = readPlainHead(head(...plain, "X-Empty:", "X-Inner: a \t b"), 0);

    expect(read).toMatchObject({
      headers: ["Host", "127.0.0.1:9091", "X-Empty", "", "X-Inner", "a \t b"],
    });
  });

  it("reads pipelined heads one after the other", () => {
    const first = head(...plain);
    const second = head("POST /api/internal/auth HTTP/1.1", "Host: h", "Connection: close");
    const text = first + second;

    expect(readPlainHead(text, 0)).toMatchObject({ end: first.length, method: "GET" });
    expect(readPlainHead(text, first.length)).toMatchObject({
      end: text.length,
      method: "POST",
      close: true,
    });
  });

  it("notes Connection: close and accepts keep-alive, in any case", () => {
    expect(readPlainHead(head(...plain, "Connection: Close"), 0)).toMatchObject({ close: true });
    expect(readPlainHead(head(...plain, "connection: Keep-Alive"), 0)).toMatchObject({
      close: false,
    });
  });

  it("waits for the rest of a head, also when a CRLF is cut in two", () => {
    const text = head(...plain);
    for (const cut of [0, 1, 10, text.length - 3, text.length - 2, text.length - 1]) {
      expect(readPlainHead(text.slice(0, cut), 0)).toBe("incomplete");
    }
  });

  it.each([
    ["HTTP/1.0", ["GET / HTTP/1.0", "Host: h"]],
    ["HEAD, whose answer has no body", ["HEAD / HTTP/1.1", "Host: h"]],
    ["an unknown method", ["BREW / HTTP/1.1", "Host: h"]],
    ["a lower-case method", ["get / HTTP/1.1", "Host: h"]],
    ["an absolute URI", ["GET http://h/ HTTP/1.1", "Host: h"]],
    ["an asterisk", ["OPTIONS * HTTP/1.1", "Host: h"]],
    ["a space in the target", ["GET /a b HTTP/1.1", "Host: h"]],
    ["no Host", ["GET / HTTP/1.1", "X-A: 1"]],
    ["two Hosts", ["GET / HTTP/1.1", "Host: h", "host: h"]],
    ["a Content-Length", ["POST / HTTP/1.1", "Host: h", "Content-Length: 0"]],
    ["a Transfer-Encoding", ["POST / HTTP/1.1", "Host: h", "transfer-encoding: chunked"]],
    ["an Upgrade", ["GET / HTTP/1.1", "Host: h", "Upgrade: websocket"]],
    ["Connection: Upgrade", ["GET / HTTP/1.1", "Host: h", "Connection: Upgrade"]],
    ["a list in Connection", ["GET / HTTP/1.1", "Host: h", "Connection: keep-alive, close"]],
    ["an Expect", ["GET / HTTP/1.1", "Host: h", "Expect: 100-continue"]],
    ["a folded line", ["GET / HTTP/1.1", "Host: h", "X-A: a", " b"]],
    ["a space before the colon", ["GET / HTTP/1.1", "Host : h"]],
    ["a line without a colon", ["GET / HTTP/1.1", "Host: h", "X-A"]],
    ["an empty name", ["GET / HTTP/1.1", "Host: h", ": a"]],
    ["a byte beyond ASCII", ["GET / HTTP/1.1", "Host: h", "X-A: caf\u00e9"]],
    ["a control character", ["GET / HTTP/1.1", "Host: h", "X-A: a\u0000b"]],
    ["a bare CR", ["GET / HTTP/1.1", "Host: h", "X-A: a\rb"]],
    ["a bare LF", ["GET / HTTP/1.1", "Host: h\nX-A: b"]],
  ])("leaves %s to node:http", (_name, lines) => {
    expect(readPlainHead(head(...lines), 0)).toBeNull();
  });

  it("leaves to node:http a head that cannot end plainly, without waiting for its end", () => {
    expect(readPlainHead("GET / HTTP/1.1\nHost: h\n", 0)).toBeNull();
    expect(readPlainHead("GET / HTTP/1.1\r\nHost: h\u00ff", 0)).toBeNull();
    expect(readPlainHead(`GET / HTTP/1.1\r\nX-Long: ${"a".repeat(maxHeadBytes)}`, 0)).toBeNull();
  });

  it("leaves to node:http a head over node's size limit, or with too many lines", () => {
    const long = head(...plain, `X-Long: ${"a".repeat(maxHeadBytes)}`);
    const lines = (count: number) => Array.from({ length: count }, (_, i) => `X-${i}: ${i}`);

    expect(readPlainHead(long, 0)).toBeNull();
    expect(readPlainHead(head(...plain, ...lines(99)), 0)).not.toBeNull();
    expect(readPlainHead(head(...plain, ...lines(100)), 0)).toBeNull();
  });
});

// Every head this reader answers itself must read the same to node's own
// parser, framing included: otherwise the listener and node:http would
// disagree on where a request ends. Heads are made from parts that are each
// plain or not, seeded so that a failure repeats.
describe("reading a head as node's parser does", () => {
  type Seen = { method: string; url: string; rawHeaders: string[] };
  let seen: Seen[] = [];
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = http.createServer({ keepAlive: true }, (req, res) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", rawHeaders: req.rawHeaders });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const requestLines = [
    "GET /api/internal/auth HTTP/1.1",
    "GET /api/internal/auth?rd=%2F&x=1 HTTP/1.1",
    "POST /x HTTP/1.1",
    "DELETE /~a!$&'()*+,;=:@ HTTP/1.1",
  ];
  const oddRequestLines = [
    "HEAD / HTTP/1.1",
    "GET / HTTP/1.0",
    "GET  / HTTP/1.1",
    "GET /\u00e9 HTTP/1.1",
  ];
  const headerLines = [
    "Host: 127.0.0.1",
    "host:h",
    "X-Forwarded-Host: whoami.portal.test",
    "X-Forwarded-Uri: /a/../b?c=%20",
    "x-forwarded-proto:\thttps\t",
    "Cookie: a=1; ptl_session=abc",
    "Cookie: b=2",
    "Authorization: Bearer t",
    "X-Ptl_User: attacker",
    "X-Empty:",
    "X-Spaces:   a   b   ",
    "Accept: text/html, */*;q=0.8",
    "Connection: keep-alive",
    "Connection: close",
  ];
  const oddHeaderLines = [
    "Connection: Upgrade",
    "Content-Length: 0",
    "Content-Length: 5",
    "Transfer-Encoding: chunked",
    "Expect: 100-continue",
    "Host : h",
    " X-Folded: a",
    "X-Ctl: a\u0001b",
    "X-Latin: \u00e9",
    "X-Bare: a\rb",
    "No colon here",
  ];

  it("agrees with node on every head it reads itself, and on where it ends", async () => {
    const next = seededRandom(20261203);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    let read = 0;
    let left = 0;
    for (let i = 0; i < 500; i++) {
      // Mostly plain parts, so that many heads are read here; now and then
      // an odd one, so that many are left to node.
      const part = (usual: string[], odd: string[]) => pick(next() < 0.1 ? odd : usual);
      const lines = [part(requestLines, oddRequestLines)];
      const count = 1 + Math.floor(next() * 6);
      for (let j = 0; j < count; j++) lines.push(part(headerLines, oddHeaderLines));
      if (next() < 0.8) lines.splice(1, 0, "Host: 127.0.0.1");
      const text = head(...lines);
      const got = readPlainHead(text, 0);
      expect(got).not.toBe("incomplete");
      if (got === null || got === "incomplete") {
        left++;
        continue;
      }
      read++;
      seen = [];
      await sendRaw(port, `${text}GET /after HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n`);

      expect(seen.map((s) => s.url)).toEqual(got.close ? [got.target] : [got.target, "/after"]);
      expect(seen[0]).toEqual({ method: got.method, url: got.target, rawHeaders: got.headers });
    }

    expect(read).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(100);
  });
});
