import { z } from "zod";
import type { CatalogEntry } from "../catalog/load-catalog";
import { CATEGORIES } from "../catalog/manifest";
import { isGeneratedSecret } from "../catalog/settings";
import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { catalogEntries, findCatalogEntry } from "./find-catalog-entry";

export const catalogQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(CATEGORIES).optional(),
});

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export type SettingField = {
  key: string;
  label: string;
  description?: string;
  type: "string" | "number" | "boolean" | "secret" | "select";
  required: boolean;
  options?: string[];
  /** Never set for a secret: its value is not shown. */
  default?: string | number | boolean;
  /** A secret the Portal makes itself; the form leaves it out. */
  generated: boolean;
};

export type CatalogView = ReturnType<typeof toView>;

function toView(entry: CatalogEntry, installed: Map<string, { state: string; reason: string }>) {
  const m = entry.manifest;
  const app = installed.get(m.name);

  return {
    name: m.name,
    title: m.title,
    version: m.version,
    category: m.category,
    description: m.description,
    longDescription: m.longDescription,
    homepage: m.homepage,
    iconUrl: `/api/catalog/${m.name}/icon`,
    // The parts anyone may open without a paired device; the rest is private.
    publicParts: m.access
      .filter((rule) => rule.access === "public")
      .map((rule) => rule.prefix || "/"),
    access: m.access.map((rule) => ({ prefix: rule.prefix, access: rule.access })),
    settings: m.settings.map(
      (s): SettingField => ({
        key: s.key,
        label: s.label,
        description: s.description,
        type: s.type,
        required: s.required,
        options: s.options,
        default: s.type === "secret" ? undefined : s.default,
        generated: isGeneratedSecret(s),
      }),
    ),
    resources: m.resources ?? {},
    installed: app ? { state: app.state, reason: app.reason } : null,
  };
}

async function installedApps() {
  const rows = await db().app.findMany({ select: { name: true, state: true, stateReason: true } });

  return new Map(rows.map((r) => [r.name, { state: r.state, reason: r.stateReason }]));
}

/** The catalog, filtered by words in the name, title or descriptions, and by category. */
export async function listCatalog(query: CatalogQuery): Promise<CatalogView[]> {
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const installed = await installedApps();

  return catalogEntries()
    .filter((entry) => !query.category || entry.manifest.category === query.category)
    .filter((entry) => {
      const m = entry.manifest;
      const text = [m.name, m.title, m.description, m.longDescription].join(" ").toLowerCase();

      return words.every((word) => text.includes(word));
    })
    .map((entry) => toView(entry, installed));
}

/** One catalog entry; NOT_FOUND when there is none by that name. */
export async function getCatalogEntry(name: string): Promise<CatalogView> {
  const entry = findCatalogEntry(name);
  if (!entry) throw new PortalError("NOT_FOUND", `The catalog has no app named "${name}".`);

  return toView(entry, await installedApps());
}
