// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" here is literal text
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCatalogValidate } from "./cli-validate";
import { formatProblem, loadCatalog, validateCatalog } from "./load-catalog";
import { parseManifest } from "./manifest";
import { renderApp } from "./render-app";
import { generateMissingSecrets } from "./settings";
import { testPortalValues } from "./test-values";

const CATALOG = path.join(import.meta.dirname, "../../catalog");
const bundled = loadCatalog(CATALOG);

describe("the bundled catalog", () => {
  it("has at least 12 entries and no problems", () => {
    expect(bundled.problems.map(formatProblem)).toEqual([]);
    expect(bundled.entries.length).toBeGreaterThanOrEqual(12);
  });

  it("wires at least 8 apps to the Portal identity header", () => {
    const header = bundled.entries.filter((e) => e.manifest.auth.kind === "header");
    expect(header.length).toBeGreaterThanOrEqual(8);
    for (const { manifest } of header) {
      expect(manifest.auth.docs, manifest.name).toMatch(/^https:\/\//);
    }
  });

  it("keeps apps without a login of their own private", () => {
    for (const { manifest } of bundled.entries.filter((e) => e.manifest.auth.kind === "none")) {
      const root = manifest.access.find((rule) => rule.prefix === "");
      expect(root?.access, manifest.name).toBe("private");
    }
  });

  it.each(bundled.entries.map((e) => [e.manifest.name, e] as const))(
    "%s passes the schema and renders",
    (_name, item) => {
      const json = JSON.parse(readFileSync(path.join(item.dir, "manifest.json"), "utf8"));
      expect(parseManifest(json).ok).toBe(true);
      const rendered = renderApp({
        manifest: item.manifest,
        composeText: item.composeText,
        values: testPortalValues(item.manifest.name),
        settings: {},
        secrets: generateMissingSecrets(item.manifest, {}),
        network: "portal",
      });
      expect(rendered.composeYaml).toContain(`traefik.http.routers.${item.manifest.name}.rule`);
      expect(rendered.envFile).toContain("PORTAL_AUTH_HEADER='X-Ptl-User'");
    },
  );

  it("wires Convos exactly as the seed article shows", () => {
    const convos = bundled.entries.find((e) => e.manifest.name === "convos");
    expect(convos?.composeText).toContain("CONVOS_AUTH_HEADER: ${PORTAL_AUTH_HEADER}");
    expect(convos?.composeText).toContain("CONVOS_PLUGINS: Convos::Plugin::Auth::Header");
    expect(convos?.composeText).toContain("CONVOS_ADMIN: ${PORTAL_OWNER_EMAIL}");
    expect(convos?.composeText).toContain('CONVOS_REVERSE_PROXY: "1"');
    expect(convos?.composeText).toContain("${APP_DATA_DIR}/data:/data");
  });

  it("reports no problems through the command line helper", () => {
    const result = runCatalogValidate(CATALOG);
    expect(result.ok).toBe(true);
    expect(result.lines.at(-1)).toMatch(/: \d+ apps, no problems$/);
  });
});

describe("validateCatalog on broken entries", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A copy of one bundled entry in a temporary catalog, changed by `edit`.
  function brokenCatalog(
    edit: (manifest: Record<string, unknown>) => void,
    compose?: string,
    folder = "convos",
  ) {
    dir = mkdtempSync(path.join(tmpdir(), "portal-catalog-"));
    const target = path.join(dir, folder);
    cpSync(path.join(CATALOG, "convos"), target, { recursive: true });
    const manifestPath = path.join(target, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    edit(manifest);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    if (compose !== undefined) {
      writeFileSync(path.join(target, "compose.yaml"), compose);
    }

    return validateCatalog(dir).map((problem) => ({
      ...problem,
      file: path.relative(
        dir,
        problem.file.startsWith("/") ? problem.file : path.resolve(problem.file),
      ),
    }));
  }

  it("names the file and field of an unknown placeholder", () => {
    const problems = brokenCatalog((m) => {
      m.access = [{ prefix: "", access: "private", headers: { "X-Ptl-Foo": "{{password}}" } }];
    });
    expect(problems).toEqual([
      {
        file: "convos/manifest.json",
        path: "access[0].headers.X-Ptl-Foo",
        message: "unknown placeholder {{password}}",
      },
    ]);
    const [first] = problems;
    if (!first) {
      throw new Error("expected a problem");
    }
    expect(formatProblem({ ...first, file: "catalog/convos/manifest.json" })).toBe(
      "catalog/convos/manifest.json: " +
        "access[0].headers.X-Ptl-Foo: unknown placeholder {{password}}",
    );
  });

  it("reports access rules without exactly one root rule, or with repeats", () => {
    const none = brokenCatalog((m) => {
      m.access = [{ prefix: "/a", access: "private" }];
    });
    expect(none.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'access: must have exactly one rule with prefix "" (found 0)',
    ]);
    const repeated = brokenCatalog((m) => {
      m.access = [
        { prefix: "", access: "private" },
        { prefix: "/a", access: "public" },
        { prefix: "/a", access: "private" },
      ];
    });
    expect(repeated.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'access[2].prefix: repeats prefix "/a"',
    ]);
  });

  it("reports bad header names, reserved headers and bad field types", () => {
    const problems = brokenCatalog((m) => {
      m.access = [
        {
          prefix: "",
          access: "secret",
          headers: { "X-User": "{{ownerUsername}}", "X-Ptl-Client-Id": "x" },
        },
      ];
      m.entry = { service: "convos", port: "3000" };
      delete m.title;
      m.colour = "blue";
    });
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "title: is required",
      "entry.port: must be a number",
      "access[0].access: must be one of: public, private",
      "access[0].headers.X-User: must match ^X-Ptl-[A-Za-z0-9-]+$",
      "access[0].headers.X-Ptl-Client-Id: is set by Portal Core itself",
      "colour: is not a known field",
    ]);
  });

  it("reports a folder that does not match the name and a missing icon", () => {
    const problems = brokenCatalog(
      (m) => {
        m.icon = "missing.svg";
      },
      undefined,
      "chat",
    );
    expect(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      'chat/manifest.json: name: must equal the folder name "chat"',
      "chat/manifest.json: icon: names a file that does not exist: missing.svg",
    ]);
  });

  it("reports compose files that route, float or read unknown variables", () => {
    const compose = [
      "services:",
      "  web:",
      "    image: convos/convos:latest",
      "    container_name: chat",
      '    ports: ["3000:3000"]',
      "    labels: [traefik.enable=true]",
      "    environment:",
      "      A: ${SECRET_SAUCE}",
      "      B: ${PORTAL_DOMAIN:-localhost}",
      "      C: ${UNSET_WITH_DEFAULT:-x}",
      "      D: $$NOT_A_VARIABLE",
      "networks:",
      "  portal: {}",
    ].join("\n");
    const problems = brokenCatalog(() => {}, compose);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "networks: must not be set: Portal adds the proxy network",
      'services: has no entry service "convos" (manifest entry.service)',
      "services.web.ports: must not be set: Portal adds routing",
      "services.web.container_name: must not be set: Portal adds routing",
      "services.web.labels.traefik.enable: must not be set: Portal adds it",
      'services.web.image: tag "latest" moves; pin an exact version',
      ": uses ${SECRET_SAUCE}, which is neither a Portal variable nor a setting key",
      ": uses ${UNSET_WITH_DEFAULT}, which is neither a Portal variable nor a setting key",
    ]);
  });

  it("reports a compose file that does not parse and a manifest that is not JSON", () => {
    const problems = brokenCatalog(() => {}, "services: [unclosed");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe("convos/compose.yaml");
    expect(problems[0]?.message).toMatch(/^does not parse: /);

    dir = mkdtempSync(path.join(tmpdir(), "portal-catalog-"));
    cpSync(path.join(CATALOG, "convos"), path.join(dir, "convos"), { recursive: true });
    writeFileSync(path.join(dir, "convos", "manifest.json"), "{ nope");
    const lines = runCatalogValidate(dir).lines;
    expect(lines[0]).toMatch(/convos\/manifest.json: is not valid JSON/);
    expect(lines.at(-1)).toMatch(/1 problem in 1 entry, 0 apps valid$/);
  });
});
