import { parseHeaderTemplate, type TemplatePart } from "../catalog/manifest";
import { logger } from "../log/logger";
import type { AppState, Snapshot } from "../state/state-store";
import { toHeaderValue } from "./header-value";

export const defaultHeaderNames = [
  "X-Ptl-User",
  "X-Ptl-Client-Type",
  "X-Ptl-Client-Id",
  "X-Ptl-Client-Name",
] as const;

export type CompiledHeader = { name: string; parts: TemplatePart[] };

export type CompiledRule = {
  /** The prefix without a trailing slash: `/share/` and `/share` match alike. */
  prefix: string;
  access: "public" | "private";
  headers: CompiledHeader[];
};

export type CompiledApp = {
  name: string;
  /** Longest prefix first, so the first match is the longest. */
  rules: CompiledRule[];
  /**
   * Every header name any rule of the app sets, beyond the default four.
   * Each answer for the app carries all of them (empty where the matching
   * rule has none): a proxy told to copy a header it does not get may pass
   * on a placeholder, or the client's own copy.
   */
  extraHeaderNames: string[];
  /** Whether a rule gives its own X-Ptl-User template. */
  overridesUser: boolean;
};

const headerNameRe = /^X-Ptl-[A-Za-z0-9-]+$/;
// Portal Core alone says which terminal is calling; no rule may restate it.
const reservedNames = new Set(["x-ptl-client-type", "x-ptl-client-id", "x-ptl-client-name"]);

const cache = new WeakMap<Snapshot["apps"], Map<string, CompiledApp>>();

/**
 * The apps of a snapshot with their rules sorted and their header templates
 * parsed. Computed once per apps map: the store replaces the map on every
 * change, so a stale entry is never read and the WeakMap lets it go.
 */
export function compiledApps(apps: Snapshot["apps"]): Map<string, CompiledApp> {
  let compiled = cache.get(apps);
  if (!compiled) {
    compiled = new Map();
    for (const app of apps.values()) compiled.set(app.name.toLowerCase(), compileApp(app));
    cache.set(apps, compiled);
  }

  return compiled;
}

/** One app's rules, ready for matching. Bad header names or templates are skipped. */
export function compileApp(app: AppState): CompiledApp {
  const extra = new Map<string, string>();
  let overridesUser = false;
  const rules = app.rules.map((rule): CompiledRule => {
    const headers: CompiledHeader[] = [];
    for (const [name, template] of Object.entries(rule.headers)) {
      const lower = name.toLowerCase();
      const parsed = parseHeaderTemplate(template);
      if (!headerNameRe.test(name) || reservedNames.has(lower) || !parsed.ok) {
        logger().warn({ app: app.name, header: name }, "skipping an invalid rule header");
        continue;
      }
      const canonical = lower === "x-ptl-user" ? "X-Ptl-User" : (extra.get(lower) ?? name);
      if (canonical === "X-Ptl-User") overridesUser = true;
      else extra.set(lower, canonical);
      // Literal text is made header-safe here, once, not on every request.
      const parts = parsed.parts.map((part) =>
        part.kind === "text" ? { ...part, value: toHeaderValue(part.value) } : part,
      );
      headers.push({ name: canonical, parts });
    }

    return {
      prefix: rule.prefix.replace(/\/+$/, ""),
      access: rule.access === "public" ? "public" : "private",
      headers,
    };
  });
  rules.sort((a, b) => b.prefix.length - a.prefix.length);

  return { name: app.name, rules, extraHeaderNames: [...extra.values()].sort(), overridesUser };
}
