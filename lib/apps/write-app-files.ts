import fs from "node:fs";
import type { CatalogEntry } from "../catalog/load-catalog";
import { renderApp } from "../catalog/render-app";
import { config } from "../config/config";
import { db } from "../db/client";
import { readOwner } from "../portal/ensure-portal";
import { appPaths, engineSettings } from "./app-paths";

/** The secrets kept for an app, by setting key. */
export async function appSecrets(name: string): Promise<Record<string, string>> {
  const rows = await db().appSecret.findMany({ where: { appName: name } });

  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/**
 * Renders the entry with the Portal's values, the owner's settings and the
 * kept secrets, and writes the compose file and the env file (readable by
 * the console's user only: it holds secrets) into the install folder.
 *
 * @throws CatalogError when the entry or a value cannot be rendered.
 */
export async function renderAppFiles(
  entry: CatalogEntry,
  settings: Record<string, unknown>,
  secrets: Record<string, string>,
) {
  const owner = await readOwner();
  const cfg = config();
  const name = entry.manifest.name;
  const paths = appPaths(name);
  const { network, containerPrefix } = engineSettings();

  return renderApp({
    manifest: entry.manifest,
    composeText: entry.composeText,
    values: {
      portalDomain: cfg.domain,
      portalId: owner?.portalId ?? "",
      ownerUsername: owner?.username ?? "",
      ownerEmail: owner?.email ?? "",
      ownerName: owner?.displayName ?? "",
      appDataDir: paths.appDataDir,
      scheme: cfg.secure ? "https" : "http",
    },
    settings,
    secrets,
    network,
    containerPrefix,
  });
}

export async function writeAppFiles(
  entry: CatalogEntry,
  settings: Record<string, unknown>,
): Promise<void> {
  const name = entry.manifest.name;
  const paths = appPaths(name);
  const rendered = await renderAppFiles(entry, settings, await appSecrets(name));
  fs.mkdirSync(paths.installDir, { recursive: true });
  fs.mkdirSync(paths.appDataDir, { recursive: true });
  fs.writeFileSync(paths.composeFile, rendered.composeYaml);
  fs.writeFileSync(paths.envFile, rendered.envFile, { mode: 0o600 });
}
