import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { caddyConfig } from "./caddy";
import { parseUpstreamMap } from "./proxy-setup";
import { sampleSetup } from "./test-setup";

function adapt(text: string): { apps: { http: { servers: Record<string, unknown> } } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptl-caddy-"));
  const file = path.join(dir, "Caddyfile");
  fs.writeFileSync(file, text);
  const out = execFileSync("caddy", ["adapt", "--config", file, "--adapter", "caddyfile"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

  return JSON.parse(out);
}

describe("the Caddyfile", () => {
  const setup = sampleSetup({}, parseUpstreamMap("whoami=127.0.0.1:18081"));
  const text = caddyConfig(setup);

  it("is accepted by caddy adapt", () => {
    const json = JSON.stringify(adapt(text));

    expect(json).toContain('"dial":"127.0.0.1:3001"');
    expect(json).toContain('"dial":"127.0.0.1:18081"');
    expect(json).toContain('"dial":"wiki:8080"');
    expect(json).toContain("X-Ptl-*");
  });

  it("strips client X-Ptl-* headers before asking, and copies every identity header", () => {
    const wiki = text.slice(text.indexOf("http://wiki.portal.test:18080 {"));
    const site = wiki.slice(0, wiki.indexOf("\n}\n"));

    expect(site.indexOf("request_header -X-Ptl-*")).toBeLessThan(site.indexOf("forward_auth"));
    expect(site).toContain(
      "copy_headers X-Ptl-User X-Ptl-Client-Type X-Ptl-Client-Id X-Ptl-Client-Name X-Ptl-Email",
    );
    expect(site).toContain("header_up -Connection");
    expect(site).toContain("header_up -Upgrade");
    expect(site).toContain("uri /api/internal/auth");
  });

  it("sets the admin endpoint, and adapts over https too", () => {
    const secure = caddyConfig(
      sampleSetup({ scheme: "https", listenPort: 443, caddyAdmin: "127.0.0.1:2019" }),
    );

    expect(secure).toContain("admin 127.0.0.1:2019");
    expect(secure).toContain("https://wiki.portal.test {");
    expect(() => adapt(secure)).not.toThrow();
  });
});
