import { parseDocument } from "yaml";
import { scanVariables, stringsIn } from "./compose-variables";
import type { Manifest } from "./manifest";
import { isPortalVariable } from "./portal-variables";

export interface ComposeProblem {
  /** Where in the compose file, e.g. `services.convos.ports`; empty for the whole file. */
  path: string;
  message: string;
}

export type ComposeService = Record<string, unknown>;

export interface ComposeDocument {
  services: Record<string, ComposeService>;
  [key: string]: unknown;
}

export type ComposeCheck =
  | { ok: true; compose: ComposeDocument }
  | { ok: false; problems: ComposeProblem[] };

// Routing belongs to the renderer: a catalog entry that sets any of these
// would bypass forward auth or collide with another app.
const ROUTING_KEYS = ["ports", "container_name", "networks", "network_mode", "links"];

// Tags that move: an install must get the same image tomorrow.
const FLOATING_TAGS = new Set(["latest", "stable", "main", "master", "edge", "nightly", "dev"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Parses compose text the way the renderer does: YAML 1.2 with merge keys. */
export function parseCompose(text: string): { value?: unknown; error?: string } {
  const doc = parseDocument(text, { merge: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { error: doc.errors.map((e) => e.message.split("\n")[0]).join("; ") };
  }

  return { value: doc.toJS({ maxAliasCount: 100 }) };
}

/**
 * Checks a catalog entry's compose file against its manifest: it parses, has
 * the entry service, sets no routing of its own, pins every image, and reads
 * only Portal variables and the manifest's setting keys.
 */
export function checkCompose(text: string, manifest: Manifest): ComposeCheck {
  const parsed = parseCompose(text);
  if (parsed.error !== undefined) {
    return { ok: false, problems: [{ path: "", message: `does not parse: ${parsed.error}` }] };
  }
  const root = parsed.value;
  if (!isRecord(root) || !isRecord(root.services)) {
    return { ok: false, problems: [{ path: "services", message: "is required" }] };
  }

  const problems: ComposeProblem[] = [];
  if (root.networks !== undefined) {
    problems.push({ path: "networks", message: "must not be set: Portal adds the proxy network" });
  }
  if (!Object.hasOwn(root.services, manifest.entry.service)) {
    problems.push({
      path: "services",
      message: `has no entry service "${manifest.entry.service}" (manifest entry.service)`,
    });
  }
  for (const [name, service] of Object.entries(root.services)) {
    if (!isRecord(service)) {
      problems.push({ path: `services.${name}`, message: "must be a mapping" });
      continue;
    }
    problems.push(...checkService(name, service));
  }
  problems.push(...checkVariables(root, manifest));

  if (problems.length) {
    return { ok: false, problems };
  }

  return { ok: true, compose: root as ComposeDocument };
}

function checkService(name: string, service: Record<string, unknown>): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const at = `services.${name}`;
  for (const key of ROUTING_KEYS) {
    if (service[key] !== undefined) {
      problems.push({ path: `${at}.${key}`, message: "must not be set: Portal adds routing" });
    }
  }
  for (const label of labelKeys(service.labels)) {
    if (label.toLowerCase().startsWith("traefik.") || label.startsWith("portal.")) {
      problems.push({ path: `${at}.labels.${label}`, message: "must not be set: Portal adds it" });
    }
  }
  const imageProblem = checkImage(service.image);
  if (imageProblem) {
    problems.push({ path: `${at}.image`, message: imageProblem });
  }

  return problems;
}

/** Label names of a `labels:` value in either compose form (list or mapping). */
export function labelKeys(labels: unknown): string[] {
  if (Array.isArray(labels)) {
    return labels.map((item) => String(item).split("=")[0] ?? "");
  }
  if (isRecord(labels)) {
    return Object.keys(labels);
  }

  return [];
}

function checkImage(image: unknown): string | undefined {
  if (typeof image !== "string" || image === "") {
    return "is required (catalog entries do not build images)";
  }
  if (image.includes("$")) {
    return "must be a fixed image reference, not a variable";
  }
  if (image.includes("@sha256:")) {
    return undefined;
  }
  const lastSegment = image.split("/").pop() ?? "";
  const colon = lastSegment.lastIndexOf(":");
  if (colon === -1) {
    return "must be pinned to an exact version tag";
  }
  const tag = lastSegment.slice(colon + 1).toLowerCase();
  if (FLOATING_TAGS.has(tag) || !/\d/.test(tag)) {
    return `tag "${tag}" moves; pin an exact version`;
  }

  return undefined;
}

function checkVariables(root: Record<string, unknown>, manifest: Manifest): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const settingKeys = new Set(manifest.settings.map((setting) => setting.key));
  const reported = new Set<string>();
  for (const text of stringsIn(root)) {
    const scan = scanVariables(text);
    for (const problem of scan.problems) {
      problems.push({ path: "", message: problem });
    }
    for (const name of scan.names) {
      if (isPortalVariable(name) || settingKeys.has(name) || reported.has(name)) {
        continue;
      }
      reported.add(name);
      problems.push({
        path: "",
        message: `uses \${${name}}, which is neither a Portal variable nor a setting key`,
      });
    }
  }

  return problems;
}
