import fs from "node:fs";
import path from "node:path";
import { PortalError } from "../errors/portal-error";
import { findCatalogEntry } from "./find-catalog-entry";

/**
 * The icon of a catalog entry. The path comes from the validated manifest
 * (a bare file name) and must still resolve inside the entry's folder.
 */
export async function readCatalogIcon(name: string) {
  const entry = findCatalogEntry(name);
  if (!entry) throw new PortalError("NOT_FOUND", `The catalog has no app named "${name}".`);
  const file = path.resolve(entry.iconPath);
  if (path.dirname(file) !== path.resolve(entry.dir)) {
    throw new PortalError("NOT_FOUND", `${name} has no icon.`);
  }

  return {
    body: await fs.promises.readFile(file),
    contentType: file.endsWith(".svg") ? "image/svg+xml" : "image/png",
  };
}
