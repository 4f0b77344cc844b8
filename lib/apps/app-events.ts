import fs from "node:fs";
import path from "node:path";
import { processSingleton } from "../process/process-singleton";
import { appPaths } from "./app-paths";

export type AppLogLine = { line: string; at: string };
export type AppStateEvent = { state: string; reason: string };

export type AppEvent = { type: "state"; data: AppStateEvent } | { type: "log"; data: AppLogLine };

type Listener = (event: AppEvent) => void;

const keep = 200;

/**
 * What happens to each app, for the pages that watch it: state changes and
 * the install log. The log goes to `install.log` in the app's install folder
 * as it is written, and the last lines stay in memory so that a page opened
 * mid-install catches up without reading the file.
 */
export class AppEvents {
  private recent = new Map<string, AppLogLine[]>();
  private listeners = new Map<string, Set<Listener>>();
  private states = new Map<string, AppStateEvent>();

  /** Appends a line (or several, split on line breaks) to the app's log. */
  log(name: string, text: string): void {
    const at = new Date().toISOString();
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
    if (lines.length === 0) return;
    // Read what came before first: after a restart the buffer is loaded
    // from the file, which must not already hold these lines.
    const buffer = this.lines(name);
    const file = appPaths(name).logFile;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, lines.map((line) => `${at} ${line}\n`).join(""));
    } catch {
      // The log on disk is a convenience; the stream still gets the line.
    }
    for (const line of lines) {
      const entry = { line, at };
      buffer.push(entry);
      this.emit(name, { type: "log", data: entry });
    }
    if (buffer.length > keep) buffer.splice(0, buffer.length - keep);
  }

  state(name: string, state: string, reason: string): void {
    this.states.set(name, { state, reason });
    this.emit(name, { type: "state", data: { state, reason } });
  }

  /** The last state this process announced for the app, if any. */
  lastState(name: string): AppStateEvent | undefined {
    return this.states.get(name);
  }

  /** The last `count` log lines, from memory or, after a restart, from the file. */
  tail(name: string, count = 100): AppLogLine[] {
    return this.lines(name).slice(-count);
  }

  /** Forgets the app's lines in memory (its log file was deleted). */
  forget(name: string): void {
    this.recent.delete(name);
  }

  subscribe(name: string, listener: Listener): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);

    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(name);
    };
  }

  private emit(name: string, event: AppEvent): void {
    for (const listener of this.listeners.get(name) ?? []) listener(event);
  }

  private lines(name: string): AppLogLine[] {
    let buffer = this.recent.get(name);
    if (!buffer) {
      buffer = readLogTail(appPaths(name).logFile, keep);
      this.recent.set(name, buffer);
    }

    return buffer;
  }
}

function readLogTail(file: string, count: number): AppLogLine[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }

  return text
    .split("\n")
    .filter(Boolean)
    .slice(-count)
    .map((row) => {
      const space = row.indexOf(" ");

      return space > 0
        ? { at: row.slice(0, space), line: row.slice(space + 1) }
        : { at: "", line: row };
    });
}

/** The process's app events, shared by the custom server and the Next.js bundles. */
export function appEvents(): AppEvents {
  return processSingleton("app-events", () => new AppEvents());
}
