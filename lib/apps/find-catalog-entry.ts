import { type CatalogEntry, loadCatalog } from "../catalog/load-catalog";
import { config } from "../config/config";

/**
 * The valid entries of the configured catalog. Read from disk each time: a
 * dozen small files, and a packager's edit shows at once.
 */
export function catalogEntries(): CatalogEntry[] {
  return loadCatalog(config().catalogDir).entries;
}

/** The entry named `name`, or undefined when there is none (or it is invalid). */
export function findCatalogEntry(name: string): CatalogEntry | undefined {
  return catalogEntries().find((entry) => entry.manifest.name === name);
}
