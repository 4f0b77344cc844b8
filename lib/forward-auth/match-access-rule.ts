import type { CompiledApp, CompiledRule } from "./compile-rules";

/**
 * The rule for a path: the longest prefix that matches on segment
 * boundaries. `/pub` matches `/pub`, `/pub/` and `/pub/x`, never `/public`;
 * the prefix `""` matches everything. Matching is case-sensitive, as paths
 * are.
 */
export function matchRule(app: CompiledApp, path: string): CompiledRule | undefined {
  for (const rule of app.rules) {
    const prefix = rule.prefix;
    if (prefix === "") return rule;
    if (!path.startsWith(prefix)) continue;
    if (path.length === prefix.length || path.charCodeAt(prefix.length) === 47) return rule;
  }

  return undefined;
}

/**
 * The rule for a request given every way an app might read its path (see
 * pathReadings). If any reading falls under a private rule, that rule
 * decides, so an encoding trick can only ever make a request stricter.
 */
export function matchAccessRule(
  app: CompiledApp,
  readings: readonly string[],
): CompiledRule | undefined {
  let chosen: CompiledRule | undefined;
  for (const path of readings) {
    const rule = matchRule(app, path);
    // No rule at all (an app without its "" rule) is treated as private.
    if (!rule) return undefined;
    if (rule.access === "private") return rule;
    chosen ??= rule;
  }

  return chosen;
}
