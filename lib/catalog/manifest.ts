import { z } from "zod";
import { parseHeaderTemplate } from "./header-template";
import { isPortalVariable } from "./portal-variables";

export {
  type ParsedTemplate,
  PLACEHOLDER_NAMES,
  type PlaceholderName,
  parseHeaderTemplate,
  type TemplatePart,
} from "./header-template";

/** Categories of the catalog; a closed set so the UI can group and filter. */
export const CATEGORIES = [
  "communication",
  "media",
  "productivity",
  "development",
  "monitoring",
  "files",
  "reading",
  "home",
  "utilities",
] as const;

export type Category = (typeof CATEGORIES)[number];

// The name is a DNS label under the Portal domain, so no trailing hyphen.
const NAME_RE = /^[a-z][a-z0-9-]{0,30}$/;
const HEADER_NAME_RE = /^X-Ptl-[A-Za-z0-9-]+$/;
const SETTING_KEY_RE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const SERVICE_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const ICON_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png)$/;

// Portal Core sets these itself on every answer (DESIGN.md); a template must
// not be able to make one terminal look like another.
const RESERVED_HEADERS = new Set(["x-ptl-client-type", "x-ptl-client-id", "x-ptl-client-name"]);

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const headersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  const problem = (name: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [name], message });
  const seen = new Set<string>();
  for (const [name, template] of Object.entries(headers)) {
    if (!HEADER_NAME_RE.test(name)) {
      problem(name, "must match ^X-Ptl-[A-Za-z0-9-]+$");
      continue;
    }
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) {
      problem(name, "is set by Portal Core itself");
    }
    if (seen.has(lower)) {
      problem(name, "is repeated (names ignore case)");
    }
    seen.add(lower);
    const parsed = parseHeaderTemplate(template);
    if (!parsed.ok) {
      problem(name, parsed.error);
    }
  }
});

const accessRuleSchema = z.strictObject({
  prefix: z
    .string()
    .regex(/^(\/[^\s?#]*)?$/, 'must be "" or a path starting with "/" without spaces, ? or #'),
  access: z.enum(["public", "private"]),
  headers: headersSchema.optional(),
});

const settingSchema = z
  .strictObject({
    key: z.string().regex(SETTING_KEY_RE, "must be UPPER_SNAKE_CASE"),
    label: text(60),
    description: text(300).optional(),
    type: z.enum(["string", "number", "boolean", "secret", "select"]),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    required: z.boolean().default(false),
    options: z.array(z.string().min(1)).min(1).optional(),
    generate: z.strictObject({ length: z.number().int().min(16).max(128) }).optional(),
  })
  .superRefine((setting, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });

    if (isPortalVariable(setting.key) || setting.key.startsWith("PORTAL_")) {
      problem("key", "is reserved for Portal variables");
    }
    if (setting.type === "select") {
      if (!setting.options) {
        problem("options", "is required for a select setting");
      } else if (new Set(setting.options).size !== setting.options.length) {
        problem("options", "must not repeat a value");
      }
    } else if (setting.options) {
      problem("options", "is only allowed for a select setting");
    }
    if (setting.generate && setting.type !== "secret") {
      problem("generate", "is only allowed for a secret setting");
    }
    if (setting.generate && setting.default !== undefined) {
      problem("default", "is not allowed for a generated secret");
    }
    if (setting.default !== undefined) {
      const defaultProblem = defaultMismatch(setting.type, setting.default, setting.options);
      if (defaultProblem) {
        problem("default", defaultProblem);
      }
    }
  });

function defaultMismatch(
  type: string,
  value: string | number | boolean,
  options: string[] | undefined,
): string | undefined {
  if (type === "number") {
    return typeof value === "number" ? undefined : "must be a number";
  }
  if (type === "boolean") {
    return typeof value === "boolean" ? undefined : "must be true or false";
  }
  if (typeof value !== "string") {
    return "must be a string";
  }
  if (type === "select" && options && !options.includes(value)) {
    return "must be one of the options";
  }

  return undefined;
}

/** The schema of `catalog/NAME/manifest.json`. */
export const manifestSchema = z
  .strictObject({
    name: z
      .string()
      .regex(NAME_RE, "must match ^[a-z][a-z0-9-]{0,30}$")
      .refine((name) => !name.endsWith("-"), "must not end with a hyphen"),
    title: text(40),
    version: text(40),
    category: z.enum(CATEGORIES),
    description: text(140),
    longDescription: text(2000),
    homepage: httpUrl,
    icon: z.string().regex(ICON_RE, "must be a .svg or .png file name in the entry folder"),
    entry: z.strictObject({
      service: z.string().regex(SERVICE_RE, "must be a compose service name"),
      port: z.number().int().min(1).max(65535),
    }),
    access: z.array(accessRuleSchema).min(1),
    settings: z.array(settingSchema).default([]),
    resources: z
      .strictObject({
        memoryMb: z.number().int().positive().optional(),
        diskMb: z.number().int().positive().optional(),
      })
      .optional(),
    auth: z.strictObject({
      kind: z.enum(["header", "none"]),
      notes: text(1000),
      docs: httpUrl,
    }),
  })
  .superRefine((manifest, ctx) => {
    const roots = manifest.access.filter((rule) => rule.prefix === "").length;
    if (roots !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["access"],
        message: `must have exactly one rule with prefix "" (found ${roots})`,
      });
    }
    const prefixes = new Set<string>();
    manifest.access.forEach((rule, index) => {
      if (prefixes.has(rule.prefix) && rule.prefix !== "") {
        ctx.addIssue({
          code: "custom",
          path: ["access", index, "prefix"],
          message: `repeats prefix "${rule.prefix}"`,
        });
      }
      prefixes.add(rule.prefix);
    });
    const keys = new Set<string>();
    manifest.settings.forEach((setting, index) => {
      if (keys.has(setting.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["settings", index, "key"],
          message: `repeats key ${setting.key}`,
        });
      }
      keys.add(setting.key);
    });
  });

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestSetting = Manifest["settings"][number];
export type AccessRule = Manifest["access"][number];

export interface ManifestProblem {
  /** Field path in the `access[0].headers.X-Ptl-User` form; empty for the whole file. */
  path: string;
  message: string;
}

export type ManifestResult =
  | { ok: true; manifest: Manifest }
  | { ok: false; problems: ManifestProblem[] };

/** Formats a zod path as `access[0].headers.X-Ptl-User`. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") {
        return `[${segment}]`;
      }

      return index === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join("");
}

/**
 * Validates a parsed manifest. Messages are short predicates that read after
 * the field path ("title: is required").
 */
export function parseManifest(input: unknown): ManifestResult {
  const result = manifestSchema.safeParse(input, {
    error: (issue) => {
      if (issue.code === "invalid_type") {
        return issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`;
      }
      if (issue.code === "invalid_value") {
        return `must be one of: ${issue.values.map((v) => String(v)).join(", ")}`;
      }

      return undefined;
    },
  });
  if (result.success) {
    return { ok: true, manifest: result.data };
  }

  const problems: ManifestProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          path: formatFieldPath([...issue.path, key]),
          message: "is not a known field",
        });
      }
      continue;
    }
    problems.push({ path: formatFieldPath(issue.path), message: issue.message });
  }

  return { ok: false, problems };
}

function article(expected: string): string {
  if (expected === "array") {
    return "a list";
  }
  if (expected === "object") {
    return "an object";
  }

  return `a ${expected}`;
}
