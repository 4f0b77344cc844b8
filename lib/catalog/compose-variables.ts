/**
 * Finds the `${VARIABLE}` references in compose text the way compose
 * interpolates them: `$$` is a literal dollar, `$NAME` and `${NAME}` are
 * references, and `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`,
 * `${NAME?error}`, `${NAME:+other}` and `${NAME+other}` are references whose
 * default or alternative text may hold further references.
 */

export interface VariableScan {
  names: string[];
  problems: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS = [":-", ":?", ":+", "-", "?", "+"];

/** Every variable name referenced in one string, in order of appearance. */
export function scanVariables(text: string): VariableScan {
  const scan: VariableScan = { names: [], problems: [] };
  scanInto(text, scan);

  return scan;
}

function scanInto(text: string, scan: VariableScan): void {
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "$") {
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      i += 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = i + 2;
      while (end < text.length && NAME_CHAR.test(text[end] ?? "")) {
        end += 1;
      }
      scan.names.push(text.slice(i + 1, end));
      i = end;
      continue;
    }
    if (next === "{") {
      i = scanBraced(text, i, scan);
      continue;
    }
    // A lone "$" before anything else is an error for compose.
    scan.problems.push(`invalid interpolation at "${text.slice(i, i + 10)}" (write $$ for a $)`);
    i += 1;
  }
}

// Returns the index after the closing brace of the reference starting at i.
function scanBraced(text: string, start: number, scan: VariableScan): number {
  const close = matchingBrace(text, start + 1);
  if (close === -1) {
    scan.problems.push(`unclosed "\${" in "${text.slice(start, start + 20)}"`);

    return text.length;
  }
  const body = text.slice(start + 2, close);
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body)?.[0];
  if (!name) {
    scan.problems.push(`invalid variable name in "\${${body}}"`);

    return close + 1;
  }
  scan.names.push(name);
  const rest = body.slice(name.length);
  if (rest !== "") {
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (!operator) {
      scan.problems.push(`invalid interpolation "\${${body}}"`);
    } else {
      scanInto(rest.slice(operator.length), scan);
    }
  }

  return close + 1;
}

function matchingBrace(text: string, openIndex: number): number {
  let depth = 0;
  for (let i = openIndex; i < text.length; i += 1) {
    if (text[i] === "{") {
      depth += 1;
    } else if (text[i] === "}") {
      depth -= 1;
      if (depth === 0) {
        return i;
      }
    }
  }

  return -1;
}

/** Every string (keys and values) in a parsed YAML document, depth first. */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === "string") {
    yield value;
  } else if (Array.isArray(value)) {
    for (const item of value) {
      yield* stringsIn(item);
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsIn(item);
    }
  }
}
