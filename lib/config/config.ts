import path from "node:path";
import { z } from "zod";
import { databaseUrl } from "./database-url";

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  PORTAL_URL: z.url({ protocol: /^https?$/ }).default("http://portal.localhost:3000"),
  PORT: port.default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  PORTAL_AUTH_PORT: port.default(3001),
  PORTAL_AUTH_HOST: z.string().min(1).default("127.0.0.1"),
  PORTAL_DATA_DIR: z.string().min(1).default("./data"),
  PORTAL_CATALOG_DIR: z.string().min(1).default("./catalog"),
  PORTAL_COMPOSE: z.string().optional(),
  PORTAL_CADDY_ADMIN: z.string().optional(),
  PORTAL_PROXY_PORT: port.optional(),
  PORTAL_PAIRING_CODE_TTL: z.coerce.number().int().min(30).max(86_400).default(600),
  PORTAL_SESSION_TTL: z.coerce
    .number()
    .int()
    .min(300)
    .default(60 * 60 * 24 * 90),
  PORTAL_TRUSTED_PROXIES: z.string().default("127.0.0.1,::1"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export type PortalConfig = ReturnType<typeof readConfig>;

/** Raised when the environment cannot run a Portal; the message names the variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. Every value has a safe default, so an
 * empty environment gives a working local Portal at portal.localhost:3000.
 */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const values = parsed.data;
  const url = new URL(values.PORTAL_URL);

  return {
    portalUrl: url.origin,
    // The Portal domain: the console's host without a port or trailing dot.
    domain: url.hostname.toLowerCase().replace(/\.$/, ""),
    secure: url.protocol === "https:",
    port: values.PORT,
    hostname: values.HOSTNAME,
    authPort: values.PORTAL_AUTH_PORT,
    authHost: values.PORTAL_AUTH_HOST,
    dataDir: path.resolve(/*turbopackIgnore: true*/ values.PORTAL_DATA_DIR),
    catalogDir: path.resolve(/*turbopackIgnore: true*/ values.PORTAL_CATALOG_DIR),
    databaseUrl: databaseUrl(env),
    compose: values.PORTAL_COMPOSE,
    caddyAdmin: values.PORTAL_CADDY_ADMIN,
    // The port the reverse proxy serves the apps on, when it is not the
    // console URL's own (the console reached directly, as in tests).
    proxyPort: values.PORTAL_PROXY_PORT,
    pairingCodeTtlSeconds: values.PORTAL_PAIRING_CODE_TTL,
    sessionTtlSeconds: values.PORTAL_SESSION_TTL,
    trustedProxies: values.PORTAL_TRUSTED_PROXIES.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: values.LOG_LEVEL,
  };
}

let cached: PortalConfig | undefined;

/** The process's configuration, read once. */
export function config(): PortalConfig {
  cached ??= readConfig();

  return cached;
}
