/**
 * Header templates of access rules: text with `{{name}}` placeholders drawn
 * from a fixed set of identity values. There is no expression language, no
 * property access and no escaping: a template is parsed once into parts, and
 * rendering only looks names up in a closed table, so it can never run code.
 */

export const PLACEHOLDER_NAMES = [
  "ownerUsername",
  "ownerEmail",
  "ownerDisplayName",
  "portalId",
  "portalDomain",
  "terminalId",
  "terminalName",
] as const;

export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** The values a template may use; empty strings when a request is anonymous. */
export type IdentityValues = Record<PlaceholderName, string>;

export type TemplatePart =
  | { kind: "text"; value: string }
  | { kind: "placeholder"; name: PlaceholderName };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; error: string };

const placeholderSet: ReadonlySet<string> = new Set(PLACEHOLDER_NAMES);

// A header value must stay one line of visible text; a CR or LF would let a
// template smuggle a second header into the proxy's request. Tab is allowed.
function isForbiddenChar(char: string): boolean {
  const code = char.charCodeAt(0);

  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

function hasForbiddenChar(text: string): boolean {
  return [...text].some(isForbiddenChar);
}

function withoutForbiddenChars(text: string): string {
  return [...text].filter((char) => !isForbiddenChar(char)).join("");
}

export function isPlaceholderName(name: string): name is PlaceholderName {
  return placeholderSet.has(name);
}

/**
 * Splits a template into text and placeholders.
 *
 * Placeholders are written exactly `{{name}}`: no spaces, no dots, no
 * filters. Any other use of `{{` or `}}` is an error rather than literal
 * text, so a typo never reaches an app as a header value. Single braces and
 * `${...}` are ordinary text.
 *
 * @example
 * parseHeaderTemplate("{{ownerUsername}}@{{portalDomain}}")
 * // { ok: true, parts: [placeholder ownerUsername, text "@", placeholder portalDomain] }
 */
export function parseHeaderTemplate(template: string): ParsedTemplate {
  if (hasForbiddenChar(template)) {
    return { ok: false, error: "control characters (such as line breaks) are not allowed" };
  }

  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("}}", i)) {
      return { ok: false, error: `unmatched "}}" at position ${i}` };
    }
    if (!template.startsWith("{{", i)) {
      text += template[i];
      i += 1;
      continue;
    }

    const end = template.indexOf("}}", i + 2);
    if (end === -1) {
      return { ok: false, error: `unclosed "{{" at position ${i}` };
    }
    const inner = template.slice(i + 2, end);
    const problem = placeholderProblem(inner);
    if (problem) {
      return { ok: false, error: problem };
    }
    if (text) {
      parts.push({ kind: "text", value: text });
      text = "";
    }
    parts.push({ kind: "placeholder", name: inner as PlaceholderName });
    i = end + 2;
  }
  if (text) {
    parts.push({ kind: "text", value: text });
  }

  return { ok: true, parts };
}

function placeholderProblem(inner: string): string | undefined {
  if (inner.includes("{")) {
    return "nested braces are not allowed";
  }
  if (inner.trim() !== inner && isPlaceholderName(inner.trim())) {
    return `write placeholders without spaces: {{${inner.trim()}}}`;
  }
  if (!isPlaceholderName(inner)) {
    return `unknown placeholder {{${inner}}}`;
  }

  return undefined;
}

/**
 * Renders a parsed template. Values are looked up by the fixed names only and
 * have control characters removed, so an owner-chosen display name cannot
 * break the header either.
 */
export function renderTemplateParts(parts: TemplatePart[], values: IdentityValues): string {
  return parts
    .map((part) => {
      if (part.kind === "text") {
        return part.value;
      }
      const value = Object.hasOwn(values, part.name) ? values[part.name] : "";

      return withoutForbiddenChars(String(value));
    })
    .join("");
}

/** Parses and renders in one step; throws on an invalid template. */
export function renderHeaderTemplate(template: string, values: IdentityValues): string {
  const parsed = parseHeaderTemplate(template);
  if (!parsed.ok) {
    throw new Error(`Invalid header template: ${parsed.error}`);
  }

  return renderTemplateParts(parsed.parts, values);
}
