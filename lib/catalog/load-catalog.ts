import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkCompose } from "./check-compose";
import { type Manifest, parseManifest } from "./manifest";

export interface CatalogEntry {
  manifest: Manifest;
  /** The compose file's text, as the packager wrote it. */
  composeText: string;
  /** Absolute path of the icon file. */
  iconPath: string;
  /** Absolute path of the entry folder. */
  dir: string;
}

export interface CatalogProblem {
  /** The file, shown relative to the working folder, e.g. `catalog/convos/manifest.json`. */
  file: string;
  /** The field in it, e.g. `access[0].headers.X-Ptl-User`; empty for the file as a whole. */
  path: string;
  message: string;
}

export interface LoadedCatalog {
  /** Entries that passed every check, sorted by name. */
  entries: CatalogEntry[];
  problems: CatalogProblem[];
}

export const MANIFEST_FILE = "manifest.json";
export const COMPOSE_FILE = "compose.yaml";

/** `catalog/convos/manifest.json: access[0].prefix: must be ...` */
export function formatProblem(problem: CatalogProblem): string {
  return problem.path
    ? `${problem.file}: ${problem.path}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);

  return relative === "" || relative.startsWith("..") ? absolute : relative;
}

/**
 * Reads every entry folder of a catalog. An entry with any problem is left
 * out of `entries`, and all its problems are listed, so one broken entry
 * never hides the others.
 */
export function loadCatalog(dir: string): LoadedCatalog {
  const root = path.resolve(dir);
  const shown = displayPath(root);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return { entries: [], problems: [{ file: shown, path: "", message: "is not a folder" }] };
  }

  const entries: CatalogEntry[] = [];
  const problems: CatalogProblem[] = [];
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((item) => item.isDirectory() && !item.name.startsWith("."))
    .map((item) => item.name)
    .sort();
  for (const folder of folders) {
    const result = loadEntry(path.join(root, folder), path.join(shown, folder), folder);
    problems.push(...result.problems);
    if (result.entry && result.problems.length === 0) {
      entries.push(result.entry);
    }
  }

  return { entries, problems };
}

/** Every problem of a catalog, each with its file and field. */
export function validateCatalog(dir: string): CatalogProblem[] {
  return loadCatalog(dir).problems;
}

function loadEntry(
  dir: string,
  shown: string,
  folder: string,
): { entry?: CatalogEntry; problems: CatalogProblem[] } {
  const manifestFile = path.join(shown, MANIFEST_FILE);
  const composeFile = path.join(shown, COMPOSE_FILE);
  const problems: CatalogProblem[] = [];
  const problem = (file: string, field: string, message: string) =>
    problems.push({ file, path: field, message });

  const manifestText = readText(path.join(dir, MANIFEST_FILE));
  if (manifestText === undefined) {
    problem(manifestFile, "", "is missing");

    return { problems };
  }
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch (error) {
    problem(manifestFile, "", `is not valid JSON: ${(error as Error).message}`);

    return { problems };
  }
  const parsed = parseManifest(json);
  if (!parsed.ok) {
    for (const item of parsed.problems) {
      problem(manifestFile, item.path, item.message);
    }

    return { problems };
  }
  const manifest = parsed.manifest;
  if (manifest.name !== folder) {
    problem(manifestFile, "name", `must equal the folder name "${folder}"`);
  }
  const iconPath = path.join(dir, manifest.icon);
  if (!existsSync(iconPath)) {
    problem(manifestFile, "icon", `names a file that does not exist: ${manifest.icon}`);
  }

  const composeText = readText(path.join(dir, COMPOSE_FILE));
  if (composeText === undefined) {
    problem(composeFile, "", "is missing");

    return { problems };
  }
  const compose = checkCompose(composeText, manifest);
  if (!compose.ok) {
    for (const item of compose.problems) {
      problem(composeFile, item.path, item.message);
    }
  }

  return { entry: { manifest, composeText, iconPath, dir }, problems };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
