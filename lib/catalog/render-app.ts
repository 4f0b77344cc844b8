import { stringify } from "yaml";
import { CatalogError } from "./catalog-error";
import { type ComposeService, checkCompose } from "./check-compose";
import { envValueProblem, formatEnvFile } from "./env-file";
import type { Manifest } from "./manifest";
import { type PortalValues, portalVariablesFor } from "./portal-variables";
import { validateSettings } from "./settings";

export interface RenderAppInput {
  manifest: Manifest;
  /** The entry's compose.yaml as written by its packager. */
  composeText: string;
  values: PortalValues;
  /** Settings the owner gave at install, checked against the manifest. */
  settings: Record<string, unknown>;
  /** Generated secrets by setting key; the caller keeps them across reinstalls. */
  secrets: Readonly<Record<string, string>>;
  /** The shared proxy network that Traefik watches. */
  network: string;
  /** Put before every container name, so test runs do not collide with real apps. */
  containerPrefix?: string;
}

export interface RenderedApp {
  /** The compose project to run with `-f`. */
  composeYaml: string;
  /** The env file to pass with `--env-file`. */
  envFile: string;
}

const NETWORK_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * Turns a catalog entry into a runnable compose project: the packager's
 * compose file plus container names, a restart policy, the `portal.app`
 * label, and for the entry service the shared proxy network and the
 * Traefik labels that route `NAME.<domain>` through the `auth@file`
 * middleware. Every other service stays on the project's own default
 * network only, so a database is never reachable from the proxy network.
 *
 * @throws CatalogError when the compose file breaks the catalog rules, a
 * setting is invalid, a generated secret is missing, or a value cannot be
 * written to the env file.
 */
export function renderApp(input: RenderAppInput): RenderedApp {
  const { manifest, network } = input;
  const prefix = input.containerPrefix ?? "";
  if (!NETWORK_RE.test(network)) {
    throw new CatalogError("invalid_value", `Invalid network name "${network}"`);
  }
  if (prefix !== "" && !NETWORK_RE.test(prefix)) {
    throw new CatalogError("invalid_value", `Invalid container prefix "${prefix}"`);
  }
  if (!input.values.appDataDir.startsWith("/")) {
    throw new CatalogError("invalid_value", "appDataDir must be an absolute path", [
      { field: "APP_DATA_DIR", message: "must be an absolute path" },
    ]);
  }

  const settings = validateSettings(manifest, input.settings);
  if (!settings.ok) {
    throw new CatalogError(
      "invalid_settings",
      `Invalid settings for ${manifest.name}`,
      settings.problems.map((p) => ({ field: p.key, message: p.message })),
    );
  }
  const secrets = secretValues(manifest, input.secrets);

  const checked = checkCompose(input.composeText, manifest);
  if (!checked.ok) {
    throw new CatalogError(
      "invalid_compose",
      `The compose file of ${manifest.name} breaks the catalog rules`,
      checked.problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }

  const compose = checked.compose;
  for (const [serviceName, service] of Object.entries(compose.services)) {
    const isEntry = serviceName === manifest.entry.service;
    const containerName = isEntry
      ? `${prefix}${manifest.name}`
      : `${prefix}${manifest.name}-${serviceName}`;
    compose.services[serviceName] = decorateService(service, {
      containerName,
      labels: isEntry ? entryLabels(manifest, input.values.portalDomain, network) : {},
      appName: manifest.name,
      networks: isEntry ? ["default", network] : undefined,
    });
  }
  compose.networks = { [network]: { external: true, name: network } };

  return {
    // YAML 1.1 output quotes strings such as "on", "yes" or "1:30" that
    // docker-compose 1.29's YAML 1.1 reader would otherwise turn into
    // booleans or numbers.
    composeYaml: stringify(compose, { lineWidth: 0, version: "1.1" }),
    envFile: envFileFor(manifest, input.values, network, settings.values, secrets),
  };
}

function secretValues(manifest: Manifest, secrets: Readonly<Record<string, string>>) {
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const setting of manifest.settings) {
    if (!setting.generate) {
      continue;
    }
    const value = Object.hasOwn(secrets, setting.key) ? secrets[setting.key] : undefined;
    if (!value) {
      missing.push(setting.key);
      continue;
    }
    out[setting.key] = value;
  }
  if (missing.length) {
    throw new CatalogError(
      "missing_secret",
      `Missing generated secrets for ${manifest.name}: ${missing.join(", ")}`,
      missing.map((key) => ({ field: key, message: "has no generated value" })),
    );
  }

  return out;
}

interface Decoration {
  containerName: string;
  labels: Record<string, string>;
  appName: string;
  networks: string[] | undefined;
}

function decorateService(service: ComposeService, decoration: Decoration): ComposeService {
  const out: ComposeService = { ...service, container_name: decoration.containerName };
  out.restart ??= "unless-stopped";
  out.labels = {
    ...labelMap(service.labels),
    "portal.app": decoration.appName,
    ...decoration.labels,
  };
  if (decoration.networks) {
    out.networks = decoration.networks;
  }

  return out;
}

// Compose takes labels as a list of "key=value" or as a mapping; the
// rendered file always uses the mapping.
function labelMap(labels: unknown): Record<string, string> {
  if (Array.isArray(labels)) {
    return Object.fromEntries(
      labels.map((item) => {
        const [key = "", ...rest] = String(item).split("=");

        return [key, rest.join("=")];
      }),
    );
  }
  if (labels !== null && typeof labels === "object") {
    return Object.fromEntries(
      Object.entries(labels).map(([key, value]) => [key, value === null ? "" : String(value)]),
    );
  }

  return {};
}

/** The Traefik labels of an app's entry service, in the seed article's style. */
export function entryLabels(
  manifest: Manifest,
  portalDomain: string,
  network: string,
): Record<string, string> {
  const name = manifest.name;
  const domain = portalDomain.toLowerCase().replace(/\.$/, "");

  return {
    "traefik.enable": "true",
    [`traefik.http.routers.${name}.rule`]: `Host(\`${name}.${domain}\`)`,
    [`traefik.http.routers.${name}.middlewares`]: "auth@file",
    [`traefik.http.routers.${name}.service`]: name,
    [`traefik.http.services.${name}.loadbalancer.server.port`]: String(manifest.entry.port),
    "traefik.docker.network": network,
  };
}

function envFileFor(
  manifest: Manifest,
  values: PortalValues,
  network: string,
  settings: Record<string, string>,
  secrets: Record<string, string>,
): string {
  const entries: [string, string][] = Object.entries(
    portalVariablesFor(manifest.name, values, network),
  );
  for (const setting of manifest.settings) {
    entries.push([setting.key, secrets[setting.key] ?? settings[setting.key] ?? ""]);
  }
  const bad = entries
    .map(([key, value]) => ({ field: key, message: envValueProblem(value) }))
    .filter((item): item is { field: string; message: string } => item.message !== undefined);
  if (bad.length) {
    throw new CatalogError("invalid_value", "Some values cannot be written to the env file", bad);
  }

  return formatEnvFile(entries);
}
