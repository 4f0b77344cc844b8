import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthListener } from "../forward-auth/auth-listener";
import { buildSnapshot, signTestToken, testContext, testKey } from "../forward-auth/test-support";
import { caddyConfig } from "./caddy";
import { nginxConfig } from "./nginx";
import { sampleSetup } from "./test-setup";

// The generated Caddy and nginx configs, run for real in front of the real
// listener and an app that echoes the headers it receives.
const key = testKey();
const { ctx } = testContext(
  buildSnapshot({
    apps: [
      { name: "whoami", rules: [{ prefix: "", access: "private" }] },
      {
        name: "wiki",
        rules: [
          { prefix: "", access: "private", headers: { "X-Ptl-Email": "{{ownerEmail}}" } },
          { prefix: "/share", access: "public" },
        ],
      },
    ],
  }),
  key,
);
const spoofed: Array<[string, string]> = [
  ["X-Ptl-User", "attacker"],
  ["x-ptl-client-id", "stolen"],
  ["X-PTL-CLIENT-TYPE", "terminal"],
  ["x-Ptl-Email", "spoof@example.org"],
];
let listener: Server;
let app: Server;
let cookie = "";
const servers: Array<{ listener?: Server; stop: () => void }> = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

type Answer = { status: number; location?: string; received?: Array<[string, string]> };

function get(port: number, host: string, uri: string, headers: Array<[string, string]>) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: uri, headers: [["Host", host], ...headers].flat() },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString("latin1");
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const location = res.headers.location;
          resolve(
            status === 200 && body.startsWith("[")
              ? { status, received: JSON.parse(body) }
              : { status, location },
          );
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const values = (answer: Answer, name: string) =>
  (answer.received ?? []).filter(([n]) => n.toLowerCase() === name.toLowerCase()).map((p) => p[1]);

beforeAll(async () => {
  listener = await startAuthListener({ authPort: 0, authHost: "127.0.0.1" }, () => ctx);
  app = http.createServer((req, res) => {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      pairs.push([req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? ""]);
    }
    res.end(JSON.stringify(pairs));
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  cookie = `ptl_session=${await signTestToken("t1", key)}`;
});

afterAll(async () => {
  for (const server of servers) server.stop();
  await new Promise((r) => listener.close(r));
  await new Promise((r) => app.close(r));
});

async function startProxy(kind: "caddy" | "nginx"): Promise<number> {
  const port = await freePort();
  const upstream = `127.0.0.1:${portOf(app)}`;
  const setup = sampleSetup(
    { listenPort: port, authUpstream: `127.0.0.1:${portOf(listener)}` },
    new Map([
      ["whoami", upstream],
      ["wiki", upstream],
    ]),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ptl-${kind}-`));
  let child: ChildProcess;
  if (kind === "caddy") {
    fs.writeFileSync(path.join(dir, "Caddyfile"), caddyConfig(setup));
    child = spawn(
      "caddy",
      ["run", "--config", path.join(dir, "Caddyfile"), "--adapter", "caddyfile"],
      {
        env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
        stdio: "ignore",
      },
    );
  } else {
    fs.mkdirSync(path.join(dir, "tmp"));
    fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(setup));
    const args = ["-e", "stderr", "-p", `${dir}/`, "-c", path.join(dir, "nginx.conf")];
    const foreground = ["-g", "daemon off; master_process off;"];
    child = spawn("nginx", [...args, ...foreground], { stdio: "ignore" });
  }
  servers.push({ stop: () => child.kill("SIGTERM") });
  await waitForPort(port);

  return port;
}

describe.each(["caddy", "nginx"] as const)("%s with the generated config", (kind) => {
  let port = 0;
  beforeAll(async () => {
    port = await startProxy(kind);
  });

  it("gives the app the Portal's identity and none of the client's copies", async () => {
    const answer = await get(port, "wiki.portal.test", "/page", [["Cookie", cookie], ...spoofed]);

    expect(answer.status).toBe(200);
    expect(values(answer, "X-Ptl-User")).toEqual(["gjq6gv"]);
    expect(values(answer, "X-Ptl-Client-Id")).toEqual(["t1"]);
    expect(values(answer, "X-Ptl-Client-Type")).toEqual(["terminal"]);
    expect(values(answer, "X-Ptl-Email")).toEqual(["owner@example.org"]);
  });

  it("keeps another app's header names away from an app", async () => {
    const answer = await get(port, "whoami.portal.test", "/", [["Cookie", cookie], ...spoofed]);

    expect(values(answer, "X-Ptl-Email")).toEqual([]);
    expect(values(answer, "X-Ptl-User")).toEqual(["gjq6gv"]);
  });

  it("passes no identity to an anonymous public request", async () => {
    const answer = await get(port, "wiki.portal.test", "/share/x", spoofed);

    expect(answer.status).toBe(200);
    expect(values(answer, "X-Ptl-Client-Type")).toEqual(["anonymous"]);
    for (const name of ["X-Ptl-User", "X-Ptl-Client-Id", "X-Ptl-Email"]) {
      expect(values(answer, name).filter(Boolean)).toEqual([]);
    }
  });

  it("sends a browser without a session to pairing", async () => {
    const answer = await get(port, "wiki.portal.test", "/page?a", [["Accept", "text/html"]]);

    expect(answer.status).toBe(302);
    expect(answer.location).toBe(
      `http://portal.test:3000/pair?next=${encodeURIComponent("http://wiki.portal.test/page?a")}`,
    );
  });

  it("answers unknown apps 404 and foreign hosts 403", async () => {
    expect((await get(port, "nope.portal.test", "/", [])).status).toBe(404);
    expect((await get(port, "evil.example", "/", [])).status).toBe(403);
  });
});
