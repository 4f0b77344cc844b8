import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nginxConfig } from "./nginx";
import { parseUpstreamMap } from "./proxy-setup";
import { sampleSetup } from "./test-setup";

function nginxTest(text: string): { status: number | null; output: string } {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "ptl-nginx-"));
  fs.mkdirSync(path.join(prefix, "tmp"));
  const file = path.join(prefix, "nginx.conf");
  fs.writeFileSync(file, text);
  const run = spawnSync("nginx", ["-t", "-e", "stderr", "-c", file, "-p", `${prefix}/`], {
    encoding: "utf8",
  });

  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the nginx config", () => {
  const setup = sampleSetup({}, parseUpstreamMap("whoami=127.0.0.1:18081"));
  const text = nginxConfig(setup);

  it("passes nginx -t", () => {
    const result = nginxTest(text);

    expect(result.output).toContain("test is successful");
    expect(result.status).toBe(0);
  });

  it("passes nginx -t with every upstream given by name", () => {
    const named = nginxConfig(
      sampleSetup({ authUpstream: "portal-core:3001", consoleUpstream: "portal-core:3000" }),
    );

    expect(nginxTest(named).status).toBe(0);
    expect(named).toContain("resolver 127.0.0.11");
  });

  it("sets every identity header from the auth answer and clears the Portal's others", () => {
    const whoami = text.slice(text.indexOf("server_name whoami.portal.test;"));
    const block = whoami.slice(0, whoami.indexOf("location @portal_login"));

    expect(block).toContain("auth_request /_ptl_auth;");
    expect(block).toContain("auth_request_set $ptl_user $upstream_http_x_ptl_user;");
    expect(block).toContain("proxy_set_header X-Ptl-User $ptl_user;");
    expect(block).toContain("proxy_set_header X-Ptl-Client-Name $ptl_client_name;");
    // wiki's header is no business of whoami's: nginx must not pass a client's copy.
    expect(block).toContain('proxy_set_header X-Ptl-Email "";');
    expect(block).toContain("error_page 401 = @portal_login;");
    expect(block).toContain("proxy_pass_request_body off;");
    expect(block).toContain("proxy_set_header X-Original-URL $scheme://$http_host$request_uri;");
  });

  it("answers foreign hosts 403 and unknown apps 404", () => {
    expect(text).toMatch(/listen 18080 default_server;\n {4}server_name _;\n {4}return 403;/);
    expect(text).toMatch(/server_name \*\.portal\.test;\n {4}return 404;/);
  });
});
