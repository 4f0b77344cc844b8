/**
 * The paths an app might understand a request path as. Apps and their
 * frameworks differ: some match the raw path, some decode percent-escapes
 * once, some decode again; some treat a backslash as a slash. Each reading
 * has its dot segments resolved and empty segments dropped, so
 * `/public/../private` and `/public/%2e%2e/private` both read `/private`.
 * The decision lets a request through a public rule only if every reading
 * lands on a public rule.
 *
 * Returns null when the path is not a path at all (no leading slash, or a
 * NUL byte once decoded).
 */
export function pathReadings(rawPath: string): string[] | null {
  if (!rawPath.startsWith("/")) return null;

  // The common case: nothing to decode, nothing to resolve.
  if (!/[%\\]|\/\/|\/\.\.?(\/|$)/.test(rawPath)) return [rawPath];

  const readings = new Set<string>();
  let current = rawPath;
  for (let round = 0; round < 3; round++) {
    const resolved = resolveSegments(current.replaceAll("\\", "/"));
    if (resolved.includes("\u0000")) return null;
    readings.add(resolved);
    const decoded = decodeOnce(current);
    if (decoded === current) break;
    current = decoded;
  }

  return [...readings];
}

/** Decodes every valid `%XX` escape once; malformed ones stay as they are. */
function decodeOnce(path: string): string {
  return path.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // Not UTF-8: decode byte by byte as Latin-1 so `%2e` still reads `.`.
      return run.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  });
}

/** Resolves `.` and `..` and drops empty segments; keeps a trailing slash. */
function resolveSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split("/");
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  const last = segments[segments.length - 1];
  const trailing = out.length > 0 && (last === "" || last === "." || last === "..");

  return `/${out.join("/")}${trailing ? "/" : ""}`;
}
