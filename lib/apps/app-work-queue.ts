import { logger } from "../log/logger";
import { processSingleton } from "../process/process-singleton";

type Task = () => Promise<void>;

/**
 * Runs work on one app at a time, in the order it was asked for; different
 * apps run side by side. A failing task is logged and never blocks the
 * tasks behind it: each operation records its own failure on the app.
 */
export class AppWorkQueue {
  private tails = new Map<string, Promise<void>>();
  private pending = new Map<string, number>();

  /** Queues `task` behind the app's earlier work; resolves when the task is done. */
  run(name: string, task: Task): Promise<void> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    this.pending.set(name, (this.pending.get(name) ?? 0) + 1);
    const next = previous.then(task).catch((error: unknown) => {
      logger().error({ err: error, app: name }, "app work failed");
    });
    const tail = next.finally(() => {
      const left = (this.pending.get(name) ?? 1) - 1;
      if (left > 0) {
        this.pending.set(name, left);
      } else {
        this.pending.delete(name);
        if (this.tails.get(name) === tail) this.tails.delete(name);
      }
    });
    this.tails.set(name, tail);

    return tail;
  }

  /** Whether any task of the app is queued or running. */
  busy(name: string): boolean {
    return this.pending.has(name);
  }

  /** Resolves when every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}

/** The process's queue, shared by the custom server and the Next.js bundles. */
export function appWorkQueue(): AppWorkQueue {
  return processSingleton("app-work-queue", () => new AppWorkQueue());
}
