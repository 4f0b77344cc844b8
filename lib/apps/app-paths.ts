import path from "node:path";
import { z } from "zod";
import { config } from "../config/config";
import type { ComposeTarget } from "./compose-command";

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const PREFIX_RE = /^([a-z0-9][a-z0-9_-]*)?$/;

const envSchema = z.object({
  PORTAL_NETWORK: z.string().regex(NAME_RE, "must be a Docker network name").default("portal"),
  // Tests set it so that their containers never collide with a real app's.
  PORTAL_CONTAINER_PREFIX: z
    .string()
    .regex(PREFIX_RE, "must be lower-case letters, digits, - or _")
    .default(""),
});

export type EngineSettings = { network: string; containerPrefix: string };

let cached: EngineSettings | undefined;

/**
 * The engine's own settings from the environment: the shared proxy network
 * (`PORTAL_NETWORK`, default `portal`) and a prefix for container and
 * project names (`PORTAL_CONTAINER_PREFIX`, default none).
 */
export function engineSettings(env: NodeJS.ProcessEnv = process.env): EngineSettings {
  if (env === process.env && cached) return cached;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  }
  const settings = {
    network: parsed.data.PORTAL_NETWORK,
    containerPrefix: parsed.data.PORTAL_CONTAINER_PREFIX,
  };
  if (env === process.env) cached = settings;

  return settings;
}

/** Where an app's files live; names are checked by the catalog before they get here. */
export function appPaths(name: string) {
  const dataDir = config().dataDir;
  const installDir = path.join(dataDir, "apps", name);

  return {
    installDir,
    composeFile: path.join(installDir, "compose.yaml"),
    envFile: path.join(installDir, ".env"),
    logFile: path.join(installDir, "install.log"),
    appDataDir: path.join(dataDir, "app-data", name),
  };
}

/** The compose project of an app: `-p` for every compose command. */
export function projectName(name: string): string {
  return `${engineSettings().containerPrefix}${name}`;
}

/** What every compose command of the app is pinned to: project, files, folder. */
export function composeTargetOf(name: string): ComposeTarget {
  const paths = appPaths(name);

  return {
    project: projectName(name),
    composeFile: paths.composeFile,
    envFile: paths.envFile,
    projectDir: paths.installDir,
  };
}
