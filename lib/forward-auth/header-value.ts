// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const controlChars = /[\u0000-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const needsWork = /[\u0000-\u001f\u007f-\uffff]/;

/**
 * Makes any text safe as an HTTP header value: control characters (CR and
 * LF above all, which would split the header) are removed, and text beyond
 * ASCII is sent as its UTF-8 bytes, which is what proxies pass on and apps
 * decode. Node and the Fetch API refuse code points above U+00FF in header
 * values, so without this an emoji in a terminal name would fail the answer.
 */
export function toHeaderValue(text: string): string {
  if (!needsWork.test(text)) return text;

  const clean = text.replace(controlChars, "");

  return Buffer.from(clean, "utf8").toString("latin1");
}
