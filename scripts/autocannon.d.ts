// The part of autocannon's API the benchmark uses; the package ships no types.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Histogram = { average: number; p50: number; p99: number; total: number };

  export type Result = {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
  };

  export type Options = {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    headers?: Record<string, string>;
  };

  export interface Instance extends EventEmitter {
    on(
      event: "response",
      listener: (client: unknown, status: number, bytes: number, latencyMs: number) => void,
    ): this;
    on(event: "done", listener: (result: Result) => void): this;
  }

  export default function autocannon(
    options: Options,
    callback?: (error: Error | null, result: Result) => void,
  ): Instance;
}
