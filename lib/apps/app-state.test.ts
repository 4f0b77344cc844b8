import { describe, expect, it } from "vitest";
import { APP_STATES, firstState, isWorkState, operationOf, refusal } from "./app-state";

describe("app states", () => {
  it("lets each operation begin only from its settled states", () => {
    const allowed = (op: "install" | "start" | "stop" | "uninstall") =>
      APP_STATES.filter((state) => refusal(op, "wiki", state) === undefined);

    expect(allowed("install")).toEqual(["error"]);
    expect(allowed("start")).toEqual(["stopped", "error"]);
    expect(allowed("stop")).toEqual(["running", "error"]);
    expect(allowed("uninstall")).toEqual(["running", "stopped", "error"]);
  });

  it("refuses work on a busy app with a sentence saying to wait", () => {
    for (const state of ["queued", "installing", "starting", "stopping", "uninstalling"]) {
      expect(isWorkState(state)).toBe(true);
      expect(refusal("stop", "wiki", state)).toBe(
        `wiki is busy (${state}); wait until that is done.`,
      );
    }
    expect(refusal("install", "wiki", "running")).toBe("wiki is already installed.");
    expect(refusal("start", "wiki", "running")).toBe("wiki is already running.");
  });

  it("shows the first state of an operation at once and maps work states back to it", () => {
    for (const [operation, state] of Object.entries(firstState)) {
      expect(operationOf(state)).toBe(operation);
    }
    expect(operationOf("installing")).toBe("install");
    expect(operationOf("running")).toBeUndefined();
    expect(operationOf("error")).toBeUndefined();
  });
});
