/**
 * Writes the env file that compose reads with `--env-file` to interpolate a
 * catalog entry's compose file. Two readers must agree on every value:
 *
 * - docker-compose 1.29 reads it with python-dotenv, which expands `${...}`
 *   in every value, quoted or not, and decodes `\\`, `\'` and `\"` escapes
 *   even inside single quotes.
 * - compose v2 reads it with compose-go, which keeps single-quoted values
 *   as they are, expands `$` and decodes escapes in double-quoted ones, and
 *   trims quote characters from both ends of a quoted value.
 *
 * So a value is single-quoted when it has no quote, backslash or line break;
 * otherwise double-quoted with `\\`, `\"` and `\n` escapes when it has no
 * `$`. What neither form can carry the same way in both readers (a `${`, a
 * `$` beside a quote, backslash or line break, or such a value ending in `"`
 * or a backslash) is refused with a reason.
 */

const KEY_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a value cannot be written literally, or undefined when it can. */
export function envValueProblem(value: string): string | undefined {
  if (value.includes("\u0000")) {
    return "must not contain NUL characters";
  }
  if (value.includes("${")) {
    return 'must not contain "${": docker-compose 1.29 would expand it';
  }
  if (canSingleQuote(value)) {
    return undefined;
  }
  if (value.includes("$")) {
    return 'must not combine "$" with quotes, backslashes or line breaks';
  }
  // compose v2 trims a closing `"` off the value and reads `\\"` at the end
  // as an escaped quote, so neither may end a double-quoted value.
  if (value.endsWith('"') || value.endsWith("\\")) {
    return "must not end with a double quote or a backslash when it has quotes or backslashes";
  }

  return undefined;
}

function canSingleQuote(value: string): boolean {
  return !/['\\\r\n]/.test(value);
}

/** One value in the quoting both compose readers take literally. */
export function quoteEnvValue(value: string): string {
  const problem = envValueProblem(value);
  if (problem) {
    throw new Error(`Env value ${problem}`);
  }
  if (canSingleQuote(value)) {
    return `'${value}'`;
  }
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n");

  return `"${escaped}"`;
}

/**
 * `KEY='value'` lines, one a variable, in the given order.
 *
 * @throws Error naming the key when a key is malformed or a value cannot be
 * written literally.
 */
export function formatEnvFile(entries: Iterable<[string, string]>): string {
  const lines: string[] = [];
  for (const [key, value] of entries) {
    if (!KEY_RE.test(key)) {
      throw new Error(`Env key "${key}" is not a valid variable name`);
    }
    const problem = envValueProblem(value);
    if (problem) {
      throw new Error(`Env value of ${key} ${problem}`);
    }
    lines.push(`${key}=${quoteEnvValue(value)}`);
  }

  return lines.length ? `${lines.join("\n")}\n` : "";
}
