// The forward-auth benchmark: `npm run bench`. In one run, against
// 127.0.0.1 only, it measures (1) a bare node:http server answering 200
// with the same headers, the ceiling the goals are set against; (2) the
// dedicated forward-auth listener; (3) the Next.js route handler of the
// production build; and, in the same rounds as (1) and (2), a second copy
// of (1) as a control for the machine's noise and a bare node:net server
// writing the same answer by hand, the ceiling of any Node.js server here.
// Then it revokes the terminal under load and times the first refusal. The
// console runs for real (NODE_ENV=production node dist/server.mjs) on a
// temporary data folder. Figures are printed and written to
// bench-results/latest.json.
//
// BENCH_ROOT names the tree to run (default: this one); without a
// production build that has the route, it runs `next build` there first.
// BENCH_SECONDS sets each measurement's length (default 3), BENCH_ROUNDS
// how many rounds of the four fast servers (default 10).
//
// The load comes from wrk when it is installed (Debian's `wrk`): written in
// C, it leaves most of the second core to the server under test, where a
// Node.js load generator would take a whole core and become the ceiling
// itself. Without wrk (or with BENCH_LOAD=autocannon) autocannon is used.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { signSessionToken } from "../lib/session/session-token";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const root = path.resolve(process.env.BENCH_ROOT || here);
const seconds = Number(process.env.BENCH_SECONDS || 3);
const rounds = Number(process.env.BENCH_ROUNDS || 10);
const host = "127.0.0.1";
const connections = 50;
const domain = "portal.localhost";
/** The listener's p99 latency goal, in milliseconds. */
const p99Goal = 5;
const children: ChildProcess[] = [];
const generator =
  process.env.BENCH_LOAD !== "autocannon" && spawnSync("wrk", ["--version"]).error === undefined
    ? "wrk"
    : "autocannon";

type Figures = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
};

async function main(): Promise<void> {
  ensureBuild();
  const [consolePort, authPort, barePort, controlPort, netPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  log(`data folder ${dataDir}`);

  await startConsole(dataDir, consolePort, authPort);
  const { token, terminalId } = await seed(dataDir);
  const headers = {
    "X-Forwarded-Host": `whoami.${domain}`,
    "X-Forwarded-Uri": "/private/page?x=1",
    "X-Forwarded-Proto": "http",
    "X-Forwarded-Method": "GET",
    "X-Forwarded-For": "192.0.2.1",
    Accept: "text/html",
    Cookie: `ptl_session=${token}`,
  };
  const auth = `http://${host}:${authPort}/api/internal/auth`;
  const route = `http://${host}:${consolePort}/api/internal/auth`;
  await waitForStatus(auth, headers, 200);
  await waitForStatus(route, headers, 200);
  const identity = await identityOf(auth, headers);

  await startBare(barePort, identity);
  await startBare(controlPort, identity);
  await startBareNet(netPort, identity);
  const bare = `http://${host}:${barePort}/api/internal/auth`;
  const control = `http://${host}:${controlPort}/api/internal/auth`;
  const bareNet = `http://${host}:${netPort}/api/internal/auth`;
  const names = new Map([
    [bare, "bare node:http"],
    [auth, "dedicated listener"],
    [control, "bare node:http, again"],
    [bareNet, "bare node:net"],
  ]);

  // The machine is shared and its speed drifts by a quarter from one second
  // to the next. So the ceiling and the listener are measured in rounds, back
  // to back (in rotating order), and the ratio is the median of the rounds'
  // ratios; each target's figures are its median round. A second copy of the
  // ceiling runs in the same rounds as a control: how far it strays from the
  // first, and how often its p99 meets the goal, is what the machine allows
  // while this run lasts. Next.js, far slower, is measured once.
  // A console that has just started is still compiling and collecting on
  // its main thread; the first seconds of load would measure that.
  log("warming up the ceilings and the listener for 5 s each");
  for (const url of names.keys()) await load(url, headers, 5);
  const rows: Record<string, Figures[]> = Object.fromEntries(
    [...names.values()].map((name) => [name, []]),
  );
  const pairRatios: number[] = [];
  const controlRatios: number[] = [];
  const netRatios: number[] = [];
  const targets = [...names.keys()];
  for (let round = 0; round < rounds; round++) {
    const shift = round % targets.length;
    const order = [...targets.slice(shift), ...targets.slice(0, shift)];
    const got = new Map<string, Figures>();
    for (const url of order) {
      const name = names.get(url) ?? url;
      log(`measuring ${name} for ${seconds} s (round ${round + 1} of ${rounds})`);
      await load(url, headers, 1);
      const figures = await load(url, headers, seconds);
      got.set(url, figures);
      rows[name]?.push(figures);
    }
    const rps = (url: string) => got.get(url)?.requestsPerSecond ?? 0;
    pairRatios.push(rps(auth) / rps(bare));
    controlRatios.push(rps(control) / rps(bare));
    netRatios.push(rps(auth) / rps(bareNet));
  }
  log(`measuring Next.js route handler for ${seconds * 2} s`);
  await load(route, headers, 1);
  const results: Record<string, Figures> = {
    ...Object.fromEntries(Object.entries(rows).map(([name, r]) => [name, medianRound(r)])),
    "Next.js route handler": await load(route, headers, seconds * 2),
  };
  const roundsUnderP99Goal = Object.fromEntries(
    Object.entries(rows).map(([name, r]) => [name, r.filter((f) => f.p99Ms < p99Goal).length]),
  );

  log("revoking the terminal under load");
  const revocation = await revokeUnderLoad(auth, headers, consolePort, terminalId, token);

  const listener = results["dedicated listener"] as Figures;
  const next = results["Next.js route handler"] as Figures;
  const ratios = {
    listenerToBare: round(median(pairRatios), 3),
    listenerToNext: round(listener.requestsPerSecond / next.requestsPerSecond, 1),
    controlToBare: round(median(controlRatios), 3),
    listenerToBareNet: round(median(netRatios), 3),
  };
  const goals = {
    "listener/bare >= 0.7": ratios.listenerToBare >= 0.7,
    "listener/next >= 20": ratios.listenerToNext >= 20,
    [`listener p99 < ${p99Goal} ms`]: listener.p99Ms < p99Goal,
    "no non-2xx before revocation": [...Object.values(rows).flat(), next].every(
      (r) => r.non2xx === 0,
    ),
    "revocation < 1 s": revocation.firstRefusalMs !== null && revocation.firstRefusalMs < 1000,
  };

  const noise = {
    controlToBare: ratios.controlToBare,
    controlToBareRange: [
      round(Math.min(...controlRatios), 3),
      round(Math.max(...controlRatios), 3),
    ],
    roundsUnderP99Goal,
  };
  print(results, ratios, noise, revocation, goals);
  const out = path.join(here, "bench-results", "latest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    settings: { generator, connections, pipelining: 1, seconds, rounds },
    results,
    rounds: {
      ...rows,
      listenerToBare: pairRatios.map((r) => round(r, 3)),
      controlToBare: controlRatios.map((r) => round(r, 3)),
      listenerToBareNet: netRatios.map((r) => round(r, 3)),
    },
    ratios,
    noise,
    revocation,
    goals,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

/** A production build of BENCH_ROOT that serves the forward-auth route. */
function ensureBuild(): void {
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  const built =
    fs.existsSync(manifest) &&
    fs.readFileSync(manifest, "utf8").includes("/api/internal/auth") &&
    fs.existsSync(path.join(root, "dist", "server.mjs"));
  if (built) return;
  log(`no production build with /api/internal/auth in ${root}: running npm run build`);
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", 2, 2] });
}

async function startConsole(dataDir: string, port: number, authPort: number): Promise<void> {
  const child = spawn(process.execPath, ["dist/server.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORTAL_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "portal.db")}`,
      PORTAL_URL: `http://${domain}:${port}`,
      PORT: String(port),
      HOSTNAME: host,
      PORTAL_AUTH_PORT: String(authPort),
      PORTAL_AUTH_HOST: host,
      LOG_LEVEL: "warn",
    },
  });
  children.push(child);
  await waitForPort(port, 120_000);
}

/** An app with a private rule and a paired terminal, written as another process would. */
async function seed(dataDir: string): Promise<{ token: string; terminalId: string }> {
  const sqlite = new Database(path.join(dataDir, "portal.db"));
  const terminalId = "bench-terminal";
  sqlite.transaction(() => {
    sqlite
      .prepare("INSERT INTO Terminal (id, name, icon) VALUES (?, ?, ?)")
      .run(terminalId, "Bench laptop", "notebook");
    sqlite
      .prepare(
        `INSERT INTO App (name, title, version, state, updatedAt)
         VALUES ('whoami', 'Who am I', '1', 'running', CURRENT_TIMESTAMP)`,
      )
      .run();
    const rule = sqlite.prepare(
      "INSERT INTO AccessRule (appName, prefix, access, headers) VALUES ('whoami', ?, ?, ?)",
    );
    rule.run("", "private", JSON.stringify({ "X-Ptl-Email": "{{ownerEmail}}" }));
    rule.run("/public", "public", "{}");
    const bump = sqlite.prepare(
      `INSERT INTO StateVersion (id, version) VALUES (?, 1)
       ON CONFLICT(id) DO UPDATE SET version = version + 1`,
    );
    bump.run("terminals");
    bump.run("apps");
  })();
  sqlite.close();

  const hex = fs.readFileSync(path.join(dataDir, "session-key"), "utf8").trim();
  const token = await signSessionToken(terminalId, Buffer.from(hex, "hex"), 3600);

  return { token, terminalId };
}

/** The ceiling: node:http answering with the very headers the listener sends. */
async function startBare(port: number, identity: Record<string, string>): Promise<void> {
  const source = `
    const headers = ${JSON.stringify(identity)};
    require("node:http")
      .createServer({ keepAlive: true }, (req, res) => res.writeHead(200, headers).end(""))
      .listen(${port}, "${host}");
  `;
  await startScript(port, source);
}

/**
 * The same answer written by hand on node:net, for each request head that
 * arrives (no parsing, no decision): what any Node.js server in front of
 * the loopback costs here, and so the listener's own ceiling.
 */
async function startBareNet(port: number, identity: Record<string, string>): Promise<void> {
  const source = `
    let head = "HTTP/1.1 200 OK\\r\\n";
    for (const [name, value] of Object.entries(${JSON.stringify(identity)})) {
      head += name + ": " + value + "\\r\\n";
    }
    require("node:net").createServer({ noDelay: true }, (socket) => {
      let pending = "";
      socket.on("error", () => socket.destroy());
      socket.on("data", (chunk) => {
        pending += chunk.toString("latin1");
        let out = "";
        for (let end; (end = pending.indexOf("\\r\\n\\r\\n")) !== -1; ) {
          pending = pending.slice(end + 4);
          out += head + "Date: " + new Date().toUTCString() +
            "\\r\\nConnection: keep-alive\\r\\nKeep-Alive: timeout=5" +
            "\\r\\nContent-Length: 0\\r\\n\\r\\n";
        }
        if (out) socket.write(out, "latin1");
      });
    }).listen(${port}, "${host}");
  `;
  await startScript(port, source);
}

async function startScript(port: number, source: string): Promise<void> {
  const child = spawn(process.execPath, ["-e", source], { stdio: "inherit", detached: true });
  children.push(child);
  await waitForPort(port, 10_000);
}

function load(url: string, headers: Record<string, string>, duration: number) {
  assertLocal(url);

  return generator === "wrk"
    ? loadWithWrk(url, headers, duration)
    : loadWithAutocannon(url, headers, duration);
}

function loadWithAutocannon(url: string, headers: Record<string, string>, duration: number) {
  return new Promise<Figures>((resolve, reject) => {
    autocannon({ url, connections, pipelining: 1, duration, headers }, (error, result) => {
      if (error) return reject(error);
      resolve({
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        total: result.requests.total,
      });
    });
  });
}

/** One wrk run (one thread, `connections` connections), read from its report. */
function loadWithWrk(url: string, headers: Record<string, string>, duration: number) {
  const args = ["-t1", `-c${connections}`, `-d${duration}s`, "--latency"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  args.push(url);

  return new Promise<Figures>((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? Number.NaN);
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
        out,
      );
      resolve({
        requestsPerSecond: Math.round(number(/Requests\/sec:\s+([\d.]+)/)),
        p50Ms: wrkLatencyMs(out, "50%"),
        p99Ms: wrkLatencyMs(out, "99%"),
        non2xx: number(/Non-2xx or 3xx responses: (\d+)/) || 0,
        errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
        total: number(/(\d+) requests in/),
      });
    });
  });
}

/** A percentile of wrk's latency distribution ("99%   4.20ms"), in milliseconds. */
function wrkLatencyMs(report: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(report);
  if (!match) return Number.NaN;
  const scale = { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];

  return Math.round(Number(match[1]) * scale * 100) / 100;
}

type Revocation = {
  /** From sending DELETE /api/terminals/:id to the first refused auth answer. */
  firstRefusalMs: number | null;
  /** How long the console took to answer the DELETE. */
  deleteMs: number;
  deleteStatus: number;
  /** Answers other than 200 seen before the DELETE was sent. */
  refusedBefore: number;
  /** 200 answers to requests sent after the first refusal had arrived. */
  allowedAfter: number;
};

async function revokeUnderLoad(
  url: string,
  headers: Record<string, string>,
  consolePort: number,
  terminalId: string,
  token: string,
): Promise<Revocation> {
  assertLocal(url);
  let sentAt = 0;
  let firstRefusal: number | null = null;
  let refusedBefore = 0;
  let allowedAfter = 0;
  const instance = autocannon({ url, connections, pipelining: 1, duration: 4, headers });
  instance.on("response", (_client, status: number, _bytes: number, latencyMs: number) => {
    const now = performance.now();
    if (!sentAt) {
      if (status !== 200) refusedBefore++;
    } else if (status !== 200 && firstRefusal === null) {
      firstRefusal = now - sentAt;
    } else if (status === 200 && firstRefusal !== null && now - latencyMs > sentAt + firstRefusal) {
      // Sent after a refusal had already arrived. Answers to requests sent
      // before it may still arrive later: the client reads its connections
      // in no set order.
      allowedAfter++;
    }
  });
  const done = new Promise((resolve) => instance.on("done", resolve));

  await new Promise((r) => setTimeout(r, 1500));
  sentAt = performance.now();
  const deleteStatus = await request(consolePort, "DELETE", `/api/terminals/${terminalId}`, {
    Authorization: `Bearer ${token}`,
  });
  const deleteMs = performance.now() - sentAt;
  await done;

  return {
    firstRefusalMs: firstRefusal === null ? null : round(firstRefusal, 1),
    deleteMs: round(deleteMs, 1),
    deleteStatus,
    refusedBefore,
    allowedAfter,
  };
}

type Noise = {
  controlToBare: number;
  controlToBareRange: number[];
  roundsUnderP99Goal: Record<string, number>;
};

function print(
  results: Record<string, Figures>,
  ratios: Record<string, number>,
  noise: Noise,
  revocation: Revocation,
  goals: Record<string, boolean>,
): void {
  const rows = Object.entries(results).map(([name, r]) =>
    [
      name.padEnd(24),
      String(r.requestsPerSecond).padStart(8),
      r.p50Ms.toFixed(2).padStart(8),
      r.p99Ms.toFixed(2).padStart(8),
      String(r.non2xx).padStart(7),
      String(r.errors).padStart(7),
    ].join(" "),
  );
  const lines = [
    "",
    `forward auth, load from ${generator}, ${connections} connections, pipelining 1, ` +
      `${seconds} s a run, median of ${rounds} rounds, ${os.cpus().length} cores, ` +
      `node ${process.version}`,
    `${"target".padEnd(24)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ` +
      `${"p99 ms".padStart(8)} ${"non2xx".padStart(7)} ${"errors".padStart(7)}`,
    ...rows,
    "",
    `listener / bare node:http   ${ratios.listenerToBare}`,
    `listener / Next.js route    ${ratios.listenerToNext}`,
    `listener / bare node:net    ${ratios.listenerToBareNet}`,
    `control: bare again / bare  ${noise.controlToBare} ` +
      `(rounds from ${noise.controlToBareRange.join(" to ")})`,
    `rounds with p99 < ${p99Goal} ms      ${Object.entries(noise.roundsUnderP99Goal)
      .map(([name, n]) => `${name} ${n} of ${rounds}`)
      .join(", ")}`,
    "",
    `revocation: DELETE answered ${revocation.deleteStatus} in ${revocation.deleteMs} ms; ` +
      `first refusal ${revocation.firstRefusalMs ?? "never"} ms after it was sent; ` +
      `${revocation.refusedBefore} refused before, ` +
      `${revocation.allowedAfter} allowed of those sent after it`,
    "",
    ...Object.entries(goals).map(([goal, met]) => `${met ? "met   " : "MISSED"} ${goal}`),
    "",
  ];
  process.stdout.write(lines.join("\n"));
}

function request(port: number, method: string, pathname: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request({ host, port, method, path: pathname, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function identityOf(url: string, headers: Record<string, string>) {
  return new Promise<Record<string, string>>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        const out: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] ?? "";
          if (name.startsWith("X-Ptl-")) out[name] = res.rawHeaders[i + 1] ?? "";
        }
        resolve(out);
      })
      .on("error", reject);
  });
}

async function waitForStatus(url: string, headers: Record<string, string>, status: number) {
  const { port, pathname } = new URL(url);
  for (let i = 0; i < 200; i++) {
    const got = await request(Number(port), "GET", pathname, headers).catch(() => 0);
    if (got === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const last = await request(Number(port), "GET", pathname, headers).catch(String);
  throw new Error(`${url} never answered ${status} (last: ${last})`);
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on ${host}:${port} within ${timeoutMs} ms`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

function assertLocal(url: string): void {
  if (new URL(url).hostname !== host) throw new Error(`the bench only targets ${host}: ${url}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The round with the median throughput, its errors and non-2xx summed over all rounds. */
function medianRound(figures: Figures[]): Figures {
  const sorted = [...figures].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)] as Figures;
  const sum = (pick: (f: Figures) => number) => figures.reduce((n, f) => n + pick(f), 0);

  return { ...middle, non2xx: sum((f) => f.non2xx), errors: sum((f) => f.errors) };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function stopChildren(): void {
  for (const child of children) {
    // Each child leads its own process group (tsx starts node under it).
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

process.once("SIGINT", () => {
  stopChildren();
  process.exit(130);
});

main().then(
  () => {
    stopChildren();
    process.exit(0);
  },
  (error: unknown) => {
    const detail = error instanceof Error ? error.stack : String(error);
    process.stderr.write(`bench failed: ${detail}\n`);
    stopChildren();
    process.exit(1);
  },
);
