// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" here is literal text
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CatalogError } from "./catalog-error";
import { loadCatalog } from "./load-catalog";
import { renderApp } from "./render-app";
import { generateMissingSecrets } from "./settings";
import { testPortalValues } from "./test-values";

const catalog = loadCatalog(path.join(import.meta.dirname, "../../catalog"));

function entry(name: string) {
  const found = catalog.entries.find((item) => item.manifest.name === name);
  if (!found) {
    throw new Error(`no catalog entry ${name}`);
  }

  return found;
}

function render(name: string, extra: Partial<Parameters<typeof renderApp>[0]> = {}) {
  const { manifest, composeText } = entry(name);

  return renderApp({
    manifest,
    composeText,
    values: testPortalValues(name),
    settings: {},
    secrets: generateMissingSecrets(manifest, {}),
    network: "portal",
    ...extra,
  });
}

function envOf(envFile: string): Record<string, string> {
  return Object.fromEntries(
    envFile
      .trim()
      .split("\n")
      .map((line) => {
        const [key = "", ...rest] = line.split("=");

        return [key, rest.join("=")];
      }),
  );
}

describe("renderApp", () => {
  it("routes the entry service the way the seed article does", () => {
    const compose = parse(render("convos").composeYaml);
    const convos = compose.services.convos;
    expect(convos.container_name).toBe("convos");
    expect(convos.restart).toBe("unless-stopped");
    expect(convos.networks).toEqual(["default", "portal"]);
    expect(convos.labels).toEqual({
      "portal.app": "convos",
      "traefik.enable": "true",
      "traefik.http.routers.convos.rule": "Host(`convos.gjq6gv.p.example.org`)",
      "traefik.http.routers.convos.middlewares": "auth@file",
      "traefik.http.routers.convos.service": "convos",
      "traefik.http.services.convos.loadbalancer.server.port": "3000",
      "traefik.docker.network": "portal",
    });
    expect(compose.networks).toEqual({ portal: { external: true, name: "portal" } });
  });

  it("keeps the packager's environment for compose to interpolate", () => {
    const convos = parse(render("convos").composeYaml).services.convos;
    expect(convos.environment).toEqual({
      CONVOS_ADMIN: "${PORTAL_OWNER_EMAIL}",
      CONVOS_AUTH_HEADER: "${PORTAL_AUTH_HEADER}",
      CONVOS_PLUGINS: "Convos::Plugin::Auth::Header",
      CONVOS_REVERSE_PROXY: "1",
    });
    expect(convos.volumes).toEqual(["${APP_DATA_DIR}/data:/data"]);
  });

  it("keeps a database off the proxy network and names it after the app", () => {
    const compose = parse(render("miniflux").composeYaml);
    const db = compose.services.db;
    expect(db.container_name).toBe("miniflux-db");
    expect(db.networks).toBeUndefined();
    expect(db.labels).toEqual({ "portal.app": "miniflux" });
    expect(Object.keys(db.labels).some((key) => key.startsWith("traefik."))).toBe(false);
    expect(compose.services.miniflux.networks).toEqual(["default", "portal"]);
  });

  it("puts the container prefix before every container name", () => {
    const compose = parse(render("paperless", { containerPrefix: "t1-" }).composeYaml);
    expect(compose.services.paperless.container_name).toBe("t1-paperless");
    expect(compose.services.db.container_name).toBe("t1-paperless-db");
    expect(compose.services.broker.container_name).toBe("t1-paperless-broker");
    expect(compose.services.paperless.labels["portal.app"]).toBe("paperless");
  });

  it("writes Portal variables, then settings and secrets, to the env file", () => {
    const { manifest } = entry("miniflux");
    const secrets = generateMissingSecrets(manifest, {});
    const env = envOf(render("miniflux", { secrets }).envFile);
    expect(env).toMatchObject({
      PORTAL_DOMAIN: "'gjq6gv.p.example.org'",
      PORTAL_ID: "'gjq6gv'",
      APP_NAME: "'miniflux'",
      APP_DOMAIN: "'miniflux.gjq6gv.p.example.org'",
      APP_URL: "'https://miniflux.gjq6gv.p.example.org'",
      APP_DATA_DIR: "'/srv/portal/app-data/miniflux'",
      PORTAL_OWNER_USERNAME: "'gjq6gv'",
      PORTAL_OWNER_EMAIL: "'gjq6gv@example.com'",
      PORTAL_OWNER_NAME: `"Ada O'Hara"`,
      PORTAL_AUTH_HEADER: "'X-Ptl-User'",
      PORTAL_NETWORK: "'portal'",
      DB_PASSWORD: `'${secrets.DB_PASSWORD}'`,
      TRUSTED_PROXY_NETWORKS: "'172.16.0.0/12,192.168.0.0/16,10.0.0.0/8'",
    });
    expect(Object.keys(env).slice(0, 11)).toEqual([
      "PORTAL_DOMAIN",
      "PORTAL_ID",
      "APP_NAME",
      "APP_DOMAIN",
      "APP_URL",
      "APP_DATA_DIR",
      "PORTAL_OWNER_USERNAME",
      "PORTAL_OWNER_EMAIL",
      "PORTAL_OWNER_NAME",
      "PORTAL_AUTH_HEADER",
      "PORTAL_NETWORK",
    ]);
  });

  it("uses http in APP_URL when the Portal runs without TLS", () => {
    const values = testPortalValues("convos", { scheme: "http" });
    const env = envOf(render("convos", { values }).envFile);
    expect(env.APP_URL).toBe("'http://convos.gjq6gv.p.example.org'");
  });

  it("refuses invalid settings with per-field details", () => {
    try {
      render("paperless", { settings: { OCR_LANGUAGE: "klingon", NOPE: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).code).toBe("invalid_settings");
      expect((error as CatalogError).details).toEqual([
        { field: "NOPE", message: "is not a setting of this app" },
        { field: "OCR_LANGUAGE", message: "must be one of: eng, deu, fra, ita, spa" },
      ]);
    }
  });

  it("refuses to render without the stored generated secrets", () => {
    expect(() => render("miniflux", { secrets: {} })).toThrow(
      /Missing generated secrets for miniflux: DB_PASSWORD, ADMIN_PASSWORD/,
    );
  });

  it("refuses a compose file that routes by itself", () => {
    const { manifest } = entry("convos");
    const composeText = [
      "services:",
      "  convos:",
      "    image: ghcr.io/convos-chat/convos:v8.02",
      '    ports: ["3000:3000"]',
      "    labels:",
      "      - traefik.enable=true",
    ].join("\n");
    expect(() => render("convos", { manifest, composeText })).toThrow(CatalogError);
  });

  it("merges the packager's own labels in either compose form", () => {
    const { manifest } = entry("it-tools");
    for (const labels of ['["com.example.team=tools"]', '{ "com.example.team": "tools" }']) {
      const composeText = `services:\n  it-tools:\n    image: x/y:1.0\n    labels: ${labels}\n`;
      const service = parse(render("it-tools", { manifest, composeText }).composeYaml).services[
        "it-tools"
      ];
      expect(service.labels["com.example.team"]).toBe("tools");
      expect(service.labels["portal.app"]).toBe("it-tools");
    }
  });

  it("quotes strings that a YAML 1.1 reader would read as booleans or numbers", () => {
    const { manifest } = entry("it-tools");
    const composeText = [
      "services:",
      "  it-tools:",
      "    image: x/y:1.0",
      "    environment:",
      "      FLAG: 'on'",
      "      ANSWER: 'yes'",
      "      TIME: '1:30'",
    ].join("\n");
    const yaml = render("it-tools", { manifest, composeText }).composeYaml;
    expect(yaml).toContain('FLAG: "on"');
    expect(yaml).toContain('ANSWER: "yes"');
    expect(yaml).toContain('TIME: "1:30"');
  });

  it("refuses a relative data folder and a bad network name", () => {
    const values = testPortalValues("convos", { appDataDir: "data/convos" });
    expect(() => render("convos", { values })).toThrow(/absolute path/);
    expect(() => render("convos", { network: "bad name" })).toThrow(/Invalid network name/);
  });
});
