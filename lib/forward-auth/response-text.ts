import { STATUS_CODES } from "node:http";
import type { AuthDecision } from "./auth-input";

// The listener's answers as HTTP/1.1 text, written on the socket in one go.
// The header lines of a 200 depend only on its frozen header set, which the
// decision shares between all requests of one terminal and rule; so they are
// checked and joined once per set.

/** How long the listener keeps an idle connection open, as its answers say. */
export const keepAliveSeconds = 95;

const keepAliveLines = `Connection: keep-alive\r\nKeep-Alive: timeout=${keepAliveSeconds}\r\n`;
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What node:http accepts in a header value.
const badValueChar = /[^\t\x20-\x7e\x80-\xff]/;
const joined = new WeakMap<object, string | null>();
const unanswerable: AuthDecision = {
  status: 400,
  reason: "the request could not be answered",
  headers: {},
};

/** The whole answer: status line, headers, and the body of a refusal. */
export function responseText(decision: AuthDecision, keepAlive: boolean): string {
  const lines = headerLines(decision.headers);
  if (lines === null) return responseText(unanswerable, keepAlive);
  const body = responseBody(decision);
  const type = decision.status === 200 ? "" : "Content-Type: text/plain; charset=utf-8\r\n";
  const connection = keepAlive ? keepAliveLines : "Connection: close\r\n";

  return (
    `HTTP/1.1 ${decision.status} ${STATUS_CODES[decision.status] ?? ""}\r\n${lines}${type}` +
    `Date: ${httpDate()}\r\n${connection}Content-Length: ${body.length}\r\n\r\n${body}`
  );
}

/** The answer's headers for node:http's writeHead. */
export function responseHeaders(decision: AuthDecision): Readonly<Record<string, string>> {
  if (decision.status === 200) return decision.headers;

  return { ...decision.headers, "Content-Type": "text/plain; charset=utf-8" };
}

/** A refusal's reason as its body (ASCII text); a 200 has none. */
export function responseBody(decision: AuthDecision): string {
  return decision.status === 200 ? "" : `${decision.reason}\n`;
}

/** "Name: value\r\n" for each header; null if one could not be sent as it is. */
function headerLines(headers: Readonly<Record<string, string>>): string | null {
  const frozen = Object.isFrozen(headers);
  const known = frozen ? joined.get(headers) : undefined;
  if (known !== undefined) return known;

  let lines: string | null = "";
  for (const name in headers) {
    const value = headers[name] ?? "";
    if (!headerName.test(name) || badValueChar.test(value)) {
      lines = null;
      break;
    }
    lines += `${name}: ${value}\r\n`;
  }
  if (frozen) joined.set(headers, lines);

  return lines;
}

let dateSecond = 0;
let dateText = "";

/** The Date header's value, made once a second. */
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }

  return dateText;
}
