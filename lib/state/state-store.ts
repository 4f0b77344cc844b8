import { config } from "../config/config";
import { db } from "../db/client";
import { logger } from "../log/logger";
import { type Owner, readOwner } from "../portal/ensure-portal";
import { processSingleton } from "../process/process-singleton";
import { loadAppStates } from "./load-app-states";
import type { StateKind } from "./state-version";
import { openVersionReader, type VersionReader } from "./version-reader";

export type TerminalState = { id: string; name: string; revoked: boolean };

export type AccessRuleState = {
  prefix: string;
  access: "public" | "private";
  headers: Record<string, string>;
};

export type AppState = { name: string; state: string; rules: AccessRuleState[] };

/**
 * What the forward-auth decision reads: an immutable snapshot, replaced as a
 * whole on every change, so a reader never sees half an update.
 */
export type Snapshot = {
  owner: Owner | null;
  terminals: ReadonlyMap<string, TerminalState>;
  apps: ReadonlyMap<string, AppState>;
};

type Listener = (kind: StateKind, snapshot: Snapshot) => void;

const pollMs = 250;
const lastSeenWriteMs = 60_000;

/**
 * The in-memory copy of terminals, apps and the owner. Loaded at start,
 * reloaded at once by writers in this process, and polled through the
 * StateVersion counters so that writes from other processes (the command
 * line, tests) arrive within a quarter of a second.
 */
export class StateStore {
  snapshot: Snapshot = { owner: null, terminals: new Map(), apps: new Map() };
  private versions = new Map<string, number>();
  private listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private versionReader: VersionReader | undefined;
  private seen = new Map<string, number>();
  private seenWritten = new Map<string, number>();

  async start(): Promise<void> {
    await this.pollOnce(true);
    this.timer ??= setInterval(() => void this.pollOnce(false), pollMs);
    this.flushTimer ??= setInterval(() => void this.flushLastSeen(false), 10_000);
    this.timer.unref();
    this.flushTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.flushTimer);
    this.timer = undefined;
    this.flushTimer = undefined;
    this.versionReader?.close();
    this.versionReader = undefined;
    await this.flushLastSeen(true);
  }

  /** Reloads one part now; writers call it right after their transaction. */
  async reload(kind: StateKind): Promise<void> {
    if (kind === "terminals") {
      const rows = await db().terminal.findMany({
        select: { id: true, name: true, revokedAt: true, lastSeenAt: true },
      });
      const terminals = new Map<string, TerminalState>();
      for (const row of rows) {
        terminals.set(row.id, { id: row.id, name: row.name, revoked: row.revokedAt !== null });
        if (!this.seenWritten.has(row.id)) this.seenWritten.set(row.id, row.lastSeenAt.getTime());
      }
      this.snapshot = { ...this.snapshot, terminals };
    } else if (kind === "apps") {
      const apps = new Map((await loadAppStates()).map((app) => [app.name, app]));
      this.snapshot = { ...this.snapshot, apps };
    } else {
      this.snapshot = { ...this.snapshot, owner: await readOwner() };
    }
    for (const listener of this.listeners) listener(kind, this.snapshot);
  }

  /** Calls `listener` after every reload; returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  /** Notes that a terminal was seen now; written in batches, once a minute at most. */
  touch(terminalId: string, now = Date.now()): void {
    this.seen.set(terminalId, now);
  }

  /** When the terminal was last seen by this process and not yet written; 0 if never. */
  lastSeen(terminalId: string): number {
    return this.seen.get(terminalId) ?? 0;
  }

  async flushLastSeen(all: boolean): Promise<void> {
    const now = Date.now();
    for (const [id, at] of this.seen) {
      const written = this.seenWritten.get(id) ?? 0;
      if (!all && now - written < lastSeenWriteMs) continue;
      this.seen.delete(id);
      this.seenWritten.set(id, at);
      await db()
        .terminal.updateMany({ where: { id }, data: { lastSeenAt: new Date(at) } })
        .catch((error: unknown) => logger().warn({ err: error }, "could not write last-seen"));
    }
  }

  private async pollOnce(force: boolean): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      this.versionReader ??= openVersionReader(config().databaseUrl);
      const current = this.versionReader.read();
      for (const kind of ["portal", "terminals", "apps"] as const) {
        const version = current.get(kind) ?? 0;
        if (force || this.versions.get(kind) !== version) {
          this.versions.set(kind, version);
          await this.reload(kind);
        }
      }
    } catch (error) {
      logger().warn({ err: error }, "state poll failed; keeping the last snapshot");
    } finally {
      this.polling = false;
    }
  }
}

/** The process's state store, shared by the custom server and the Next.js bundles. */
export function stateStore(): StateStore {
  return processSingleton("state-store", () => new StateStore());
}
