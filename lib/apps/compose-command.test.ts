import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { composeArgs, detectCompose } from "./compose-command";

describe("compose command detection", () => {
  it("takes PORTAL_COMPOSE as words when it is set", async () => {
    const probe = async () => {
      throw new Error("must not probe");
    };

    expect(await detectCompose("docker-compose", probe)).toEqual(["docker-compose"]);
    expect(await detectCompose("  docker   compose ", probe)).toEqual(["docker", "compose"]);
  });

  it("prefers docker compose when it answers version, else docker-compose", async () => {
    expect(await detectCompose(undefined, async () => true)).toEqual(["docker", "compose"]);
    expect(await detectCompose("", async () => false)).toEqual(["docker-compose"]);
  });

  it("finds the compose command installed here", async () => {
    const words = await detectCompose(undefined);
    const [file = "", ...args] = words;
    const version = spawnSync(file, [...args, "version"], { encoding: "utf8" });

    expect([["docker", "compose"], ["docker-compose"]]).toContainEqual(words);
    expect(version.status, `${words.join(" ")} version: ${version.stderr}`).toBe(0);
  });

  it("pins env file, project, file and folder before the subcommand", () => {
    const target = {
      project: "wiki",
      composeFile: "/d/apps/wiki/compose.yaml",
      envFile: "/d/apps/wiki/.env",
      projectDir: "/d/apps/wiki",
    };

    expect(composeArgs(["docker-compose"], target, ["up", "-d"])).toEqual([
      "docker-compose",
      "--env-file",
      "/d/apps/wiki/.env",
      "-p",
      "wiki",
      "-f",
      "/d/apps/wiki/compose.yaml",
      "--project-directory",
      "/d/apps/wiki",
      "up",
      "-d",
    ]);
  });
});
