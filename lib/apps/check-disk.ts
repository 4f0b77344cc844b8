import fs from "node:fs";
import type { Manifest } from "../catalog/manifest";

// Room for the install folder, logs and the first writes of an app that
// names no size of its own.
const defaultNeedMb = 64;

/**
 * Why the disk under `dir` is too full for the app, as a sentence ending in
 * what to do, or undefined when it has room. The manifest's `diskMb` is
 * what the app needs for itself; its images come on top.
 */
export async function diskProblem(manifest: Manifest, dir: string): Promise<string | undefined> {
  const needMb = manifest.resources?.diskMb ?? defaultNeedMb;
  const freeMb = await freeMegabytes(dir);
  if (freeMb >= needMb) return undefined;

  return [
    `Not enough free disk space for ${manifest.title}:`,
    `it needs ${needMb} MB and ${dir} has ${freeMb} MB free.`,
    "Free some space, then install it again.",
  ].join(" ");
}

async function freeMegabytes(dir: string): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  const stats = await fs.promises.statfs(dir);

  return Math.floor((stats.bavail * stats.bsize) / (1024 * 1024));
}
