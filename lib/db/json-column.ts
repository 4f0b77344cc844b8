/**
 * Readers for the JSON text columns (app settings, audit details, a rule's
 * headers). The database is ours, but a hand edit or an old row must not
 * break a page or the forward-auth snapshot: what is not a JSON object
 * reads as empty.
 */
export function jsonObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);

    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A JSON object column's string-valued entries; any other entry is dropped. */
export function stringRecord(json: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(jsonObject(json)).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}
