import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AppEvents } from "./app-events";
import { appPaths } from "./app-paths";

describe("app events", () => {
  it("keeps each log line once, in memory and on disk", () => {
    const events = new AppEvents();
    events.log("once", "Queued Once 1.0");
    events.log("once", "first\nsecond");

    expect(events.tail("once").map((l) => l.line)).toEqual(["Queued Once 1.0", "first", "second"]);
    const onDisk = fs.readFileSync(appPaths("once").logFile, "utf8").trim().split("\n");
    expect(onDisk).toHaveLength(3);
  });

  it("picks up the log from disk after a restart, then goes on without repeats", () => {
    new AppEvents().log("restarted", "before the restart");
    const after = new AppEvents();
    after.log("restarted", "after the restart");

    expect(after.tail("restarted").map((l) => l.line)).toEqual([
      "before the restart",
      "after the restart",
    ]);
  });

  it("sends new lines and states to subscribers until they leave", () => {
    const events = new AppEvents();
    const seen: string[] = [];
    const leave = events.subscribe("watched", (event) => seen.push(event.type));
    events.log("watched", "a line");
    events.state("watched", "running", "");
    leave();
    events.log("watched", "unseen");

    expect(seen).toEqual(["log", "state"]);
  });
});
