import { processSingleton } from "../process/process-singleton";

/**
 * Counts failed pairing attempts per client address in a sliding minute.
 * In memory: a restart forgets it, which the per-code limit still covers.
 */
export class FailureLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** True when `address` has used up its failures in the current window. */
  isBlocked(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= this.limit;
  }

  fail(address: string, now = Date.now()): void {
    const list = this.recent(address, now);
    list.push(now);
    this.failures.set(address, list);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(address: string, now: number): number[] {
    const list = (this.failures.get(address) ?? []).filter((at) => now - at < this.windowMs);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);

    return list;
  }

  private prune(now: number): void {
    for (const address of [...this.failures.keys()]) this.recent(address, now);
  }
}

/** Failed pairing attempts allowed per client address per minute. */
export const failuresPerMinute = 10;

export function pairingLimiter(): FailureLimiter {
  return processSingleton("failure-limiter", () => new FailureLimiter(failuresPerMinute));
}
