import { formatProblem, loadCatalog } from "./load-catalog";

export interface CatalogValidateResult {
  ok: boolean;
  /** Lines to print: one a problem, then a summary line. */
  lines: string[];
}

/**
 * `npm run portal -- catalog validate [DIR]`: checks every entry of a
 * catalog folder (default `catalog`) and reports each problem with its file
 * and field. The caller prints the lines and exits non-zero unless `ok`.
 */
export function runCatalogValidate(dir = "catalog"): CatalogValidateResult {
  const { entries, problems } = loadCatalog(dir);
  const lines = problems.map(formatProblem);
  if (problems.length === 0) {
    lines.push(`catalog ${dir}: ${entries.length} apps, no problems`);
  } else {
    const broken = new Set(problems.map((p) => p.file.split(/[\\/]/).slice(0, -1).join("/")));
    lines.push(
      `catalog ${dir}: ${problems.length} problem${problems.length === 1 ? "" : "s"} ` +
        `in ${broken.size} entr${broken.size === 1 ? "y" : "ies"}, ${entries.length} apps valid`,
    );
  }

  return { ok: problems.length === 0, lines };
}
