// The forward-auth listener reads the head of a plain auth request itself,
// which costs a fraction of node:http's request and response objects. It
// only ever says yes to a head it can frame beyond doubt: HTTP/1.1, a
// method that takes no body here, one Host, no Content-Length or
// Transfer-Encoding (so no body follows), no Upgrade or Expect, CRLF line
// ends, plain ASCII, within node's own size limit. Every other head is
// answered by node:http, on the same connection from that point on; so this
// reader never has to be lenient, and never has to say no.

/** node's default limit on a request head (`--max-http-header-size`). */
export const maxHeadBytes = 16 * 1024;
/** More header lines than any proxy sends; node keeps at most 2000. */
const maxHeaderLines = 100;

/** A head the listener answers itself. */
export type PlainHead = {
  /** Index just past the blank line that ends the head. */
  end: number;
  method: string;
  /** The request target, an origin-form path with its query. */
  target: string;
  /** Header names and values, one after the other, names as sent. */
  headers: string[];
  /** The client sent `Connection: close`. */
  close: boolean;
};

// Methods whose requests carry no body unless a Content-Length or
// Transfer-Encoding says so. HEAD is left to node:http: its answer has no body.
const requestLine = /^(GET|POST|PUT|PATCH|DELETE|OPTIONS) (\/[!-~]*) HTTP\/1\.1$/;
const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Anything but visible ASCII, space, tab and CRLF line ends: a control
// character, a byte beyond ASCII, a CR without LF or an LF without CR (a
// head never starts with an LF: its request line is checked apart).
const notPlain = /[^\t\r\n -~]|\r(?!\n)|[^\r]\n/;

/**
 * The plain head that starts at `start` in `data` (bytes as latin1 text);
 * "incomplete" when more bytes could still make one; null when it is not a
 * plain head, and node:http must read it.
 */
export function readPlainHead(data: string, start: number): PlainHead | "incomplete" | null {
  const blank = data.indexOf("\r\n\r\n", start);
  if (blank === -1) {
    const partial = data.slice(start);
    // A CR at the very end may be the first half of a CRLF still to come.
    const settled = partial.endsWith("\r") ? partial.slice(0, -1) : partial;
    if (partial.length > maxHeadBytes || notPlain.test(settled)) return null;

    return "incomplete";
  }
  const end = blank + 4;
  if (end - start > maxHeadBytes) return null;
  const head = data.slice(start, blank);
  if (notPlain.test(head)) return null;

  let lineEnd = head.indexOf("\r\n");
  if (lineEnd === -1) lineEnd = head.length;
  const first = requestLine.exec(head.slice(0, lineEnd));
  if (!first) return null;

  const headers: string[] = [];
  let hosts = 0;
  let close = false;
  while (lineEnd < head.length) {
    const from = lineEnd + 2;
    lineEnd = head.indexOf("\r\n", from);
    if (lineEnd === -1) lineEnd = head.length;
    const colon = head.indexOf(":", from);
    if (colon === -1 || colon > lineEnd) return null;
    const name = head.slice(from, colon);
    if (!token.test(name) || headers.length >= 2 * maxHeaderLines) return null;
    const value = head.slice(colon + 1, lineEnd).trim();
    // The names that change how the head is read start with c, e, h, t or
    // u; the others need no lower-casing here.
    const initial = name.charCodeAt(0) | 0x20;
    const framing =
      initial === 99 || initial === 101 || initial === 104 || initial === 116 || initial === 117;
    switch (framing ? name.toLowerCase() : "") {
      case "host":
        hosts++;
        break;
      case "connection": {
        const option = value.toLowerCase();
        if (option === "close") close = true;
        else if (option !== "keep-alive") return null;
        break;
      }
      case "content-length":
      case "transfer-encoding":
      case "upgrade":
      case "expect":
        return null;
    }
    headers.push(name, value);
  }
  if (hosts !== 1) return null;

  return { end, method: first[1] as string, target: first[2] as string, headers, close };
}
