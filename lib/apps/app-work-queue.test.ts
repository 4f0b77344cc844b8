import { describe, expect, it } from "vitest";
import { AppWorkQueue } from "./app-work-queue";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the per-app work queue", () => {
  it("runs one app's work one at a time, in order", async () => {
    const queue = new AppWorkQueue();
    const seen: string[] = [];
    let running = 0;
    let most = 0;
    const task = (label: string, ms: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      seen.push(`start ${label}`);
      await tick(ms);
      seen.push(`end ${label}`);
      running -= 1;
    };
    void queue.run("wiki", task("a", 30));
    void queue.run("wiki", task("b", 5));
    expect(queue.busy("wiki")).toBe(true);
    await queue.run("wiki", task("c", 1));

    expect(most).toBe(1);
    expect(seen).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(queue.busy("wiki")).toBe(false);
  });

  it("runs different apps side by side", async () => {
    const queue = new AppWorkQueue();
    const seen: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const a = queue.run("wiki", async () => {
      seen.push("wiki start");
      await gate;
      seen.push("wiki end");
    });
    // Chat's work finishes while wiki's is still held open.
    await queue.run("chat", async () => {
      seen.push("chat start");
      seen.push("chat end");
    });
    release();
    await a;

    expect(seen).toEqual(["wiki start", "chat start", "chat end", "wiki end"]);
  });

  it("keeps going after a task fails", async () => {
    const queue = new AppWorkQueue();
    const seen: string[] = [];
    void queue.run("wiki", async () => {
      throw new Error("boom");
    });
    await queue.run("wiki", async () => {
      seen.push("after");
    });
    await queue.idle();

    expect(seen).toEqual(["after"]);
    expect(queue.busy("wiki")).toBe(false);
  });
});
