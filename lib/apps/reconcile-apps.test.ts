import { describe, expect, it } from "vitest";
import type { AppContainer } from "./docker-client";
import { exitCode, reconciledState } from "./reconcile-apps";

const c = (name: string, state: string, status: string): AppContainer => ({
  id: name,
  name,
  state,
  status,
});
const running = { state: "running", reason: "" } as const;
const stopped = { state: "stopped", reason: "" } as const;

describe("reconciling with the Docker Engine", () => {
  it("maps all running containers to running, also out of an error", () => {
    const containers = [c("wiki", "running", "Up 3 seconds"), c("wiki-db", "running", "Up 4s")];

    expect(reconciledState("wiki", running, containers)).toBeUndefined();
    expect(reconciledState("wiki", { state: "error", reason: "x" }, containers)).toEqual(running);
  });

  it("maps containers stopped by docker stop to stopped", () => {
    const containers = [c("wiki", "exited", "Exited (137) 2 seconds ago")];

    expect(reconciledState("wiki", running, containers)).toEqual(stopped);
    expect(reconciledState("wiki", stopped, containers)).toBeUndefined();
  });

  it("maps a crashed container to error naming its exit code", () => {
    const next = reconciledState("wiki", running, [c("wiki", "exited", "Exited (3) 1 second ago")]);

    expect(next).toEqual({
      state: "error",
      reason: "wiki exited with code 3. See docker logs wiki, then start it again.",
    });
  });

  it("maps a restart loop and a half-running app to error", () => {
    expect(
      reconciledState("wiki", running, [c("wiki", "restarting", "Restarting (1) 2 seconds ago")])
        ?.state,
    ).toBe("error");
    const half = reconciledState("wiki", running, [
      c("wiki", "running", "Up 1 minute"),
      c("wiki-db", "exited", "Exited (0) 3 seconds ago"),
    ]);
    expect(half).toEqual({
      state: "error",
      reason: "Some containers of wiki are not running: wiki-db. Start it again.",
    });
  });

  it("reports containers that vanished, but keeps a failed install's reason", () => {
    expect(reconciledState("wiki", running, [])?.reason).toMatch(/are gone from the Docker Engine/);
    expect(reconciledState("wiki", { state: "error", reason: "pull failed" }, [])).toBeUndefined();
  });

  it("never overrules an operation under way", () => {
    for (const state of ["queued", "installing", "starting", "stopping", "uninstalling"] as const) {
      expect(reconciledState("wiki", { state, reason: "" }, [])).toBeUndefined();
    }
  });

  it("reads exit codes from container statuses", () => {
    expect(exitCode("Exited (0) 5 minutes ago")).toBe(0);
    expect(exitCode("Exited (143) About a minute ago")).toBe(143);
    expect(exitCode("Up 2 hours")).toBeUndefined();
  });
});
