import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildWhoamiImage, dockerAnswers, removeDockerLeftovers } from "../../e2e/support/docker";
import { classifyComposeOutput } from "./classify-compose-output";
import { type ComposeTarget, runCompose } from "./compose-command";

// Outputs captured from docker-compose 1.29.2 against Debian's dockerd 28.
const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "fixtures", `${name}.txt`), "utf8");

describe("reading compose failures (captured outputs)", () => {
  it("tells an unreachable engine", () => {
    const failure = classifyComposeOutput(fixture("docker-unreachable"), {
      retry: "install it again",
    });

    expect(failure.kind).toBe("docker-unreachable");
    expect(failure.reason).toMatch(/^The Docker Engine does not answer at .+\. Start Docker/);
  });

  it("tells a failed pull with the image and the cause", () => {
    const failure = classifyComposeOutput(fixture("pull-failed"), { retry: "install it again" });

    expect(failure).toEqual({
      kind: "pull-failed",
      reason:
        "The image ghcr.io/convos-chat/convos:v8.02 could not be downloaded " +
        '(Get "https://ghcr.io/v2/": dial tcp: ' +
        "lookup ghcr.io on 10.255.255.53:53: no such host). " +
        "Check that the Portal can reach its registry, then install it again.",
    });
  });

  it("tells a container name that is taken", () => {
    const failure = classifyComposeOutput(fixture("name-conflict"));

    expect(failure.kind).toBe("name-conflict");
    expect(failure.reason).toBe(
      'A container named "cap-whoami" already exists and is not part of this app. ' +
        "Remove or rename it (docker rm -f cap-whoami), then try again.",
    );
  });

  it("tells a port that is taken", () => {
    const failure = classifyComposeOutput(fixture("port-taken"));

    expect(failure.kind).toBe("port-taken");
    expect(failure.reason).toMatch(/^Port 127\.0\.0\.1:18777 is already in use/);
  });

  it("does not read success as a failure class", () => {
    expect(classifyComposeOutput(fixture("up-ok")).kind).toBe("other");
    expect(classifyComposeOutput("", { timedOut: true }).kind).toBe("timed-out");
  });
});

const engine = dockerAnswers();
const run = `uc${process.pid}`;

// The same classes from the real compose and engine of this machine, now.
describe.skipIf(!engine)("reading compose failures (live, real Docker Engine)", () => {
  if (!engine) console.warn("No Docker Engine answers: skipping the live compose tests");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-classify-"));
  fs.writeFileSync(path.join(dir, ".env"), "");
  afterAll(() => {
    removeDockerLeftovers(`${run}-`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const up = async (project: string, service: Record<string, unknown>) => {
    const composeFile = path.join(dir, `${project}.yaml`);
    fs.writeFileSync(composeFile, JSON.stringify({ services: { app: service } }));
    const target: ComposeTarget = {
      project: `${run}-${project}`,
      composeFile,
      envFile: path.join(dir, ".env"),
      projectDir: dir,
    };
    const result = await runCompose(target, ["up", "-d"]);
    await runCompose(target, ["down"]);

    return result;
  };

  it("pull failed", async () => {
    const result = await up("pull", { image: "registry.invalid/portal/none:1" });

    expect(result.code).not.toBe(0);
    expect(classifyComposeOutput(result.output).kind).toBe("pull-failed");
  });

  it("name conflict and port taken", async () => {
    buildWhoamiImage();
    const first = await runCompose(
      {
        project: `${run}-first`,
        composeFile: writeFile(dir, "first.yaml", {
          image: "local/portal-whoami:e2e",
          container_name: `${run}-taken`,
        }),
        envFile: path.join(dir, ".env"),
        projectDir: dir,
      },
      ["up", "-d"],
    );
    expect(first.code, first.output).toBe(0);
    const conflict = await up("second", {
      image: "local/portal-whoami:e2e",
      container_name: `${run}-taken`,
    });
    expect(classifyComposeOutput(conflict.output).kind).toBe("name-conflict");

    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const taken = await up("port", {
      image: "local/portal-whoami:e2e",
      container_name: `${run}-port`,
      ports: [`127.0.0.1:${port}:80`],
    });
    server.close();
    const failure = classifyComposeOutput(taken.output);
    expect(failure.kind).toBe("port-taken");
    expect(failure.reason).toContain(`127.0.0.1:${port}`);
  });

  it("docker unreachable", async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = `unix://${dir}/no-engine.sock`;
    try {
      const result = await up("gone", { image: "local/portal-whoami:e2e" });
      expect(classifyComposeOutput(result.output).kind).toBe("docker-unreachable");
    } finally {
      process.env.DOCKER_HOST = saved;
    }
  });
});

function writeFile(dir: string, name: string, service: Record<string, unknown>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ services: { app: service } }));

  return file;
}
