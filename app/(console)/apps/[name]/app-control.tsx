"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "../../../_components/api-client";
import { isBusy, StateBadge } from "../../../_components/state-badge";
import { UninstallDialog } from "./uninstall-dialog";

type LogLine = { line: string; at: string };
type Props = { name: string; title: string; url: string; initialState: string | null };

/** An installed app's state, live log and controls, following the server as it works. */
export function AppControl({ name, title, url, initialState }: Props) {
  const [state, setState] = useState<string | null>(initialState);
  const [reason, setReason] = useState("");
  const [log, setLog] = useState<LogLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uninstalling, setUninstalling] = useState(false);
  const logRef = useRef<HTMLPreElement>(null);

  useEffect(() => {
    const source = new EventSource(`/api/apps/${encodeURIComponent(name)}/events`);
    source.addEventListener("state", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as {
        state: string | null;
        reason?: string;
      };
      // The stream ends an uninstall with "uninstalled": no state at all.
      setState(data.state === "uninstalled" ? null : data.state);
      setReason(data.reason ?? "");
    });
    source.addEventListener("log", (event) => {
      const line = JSON.parse((event as MessageEvent<string>).data) as LogLine;
      setLog((lines) => [...lines.slice(-499), line]);
    });

    return () => source.close();
  }, [name]);

  // Keep the newest line in view while the log grows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new line
  useEffect(() => {
    const element = logRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [log.length]);

  async function act(path: string, init: RequestInit) {
    setError(null);
    try {
      await api(path, init);
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : "The Portal did not answer. Try again.",
      );
    }
  }

  const busy = state !== null && isBusy(state);
  const power =
    state === "running" ? "stop" : state === "stopped" || state === "error" ? "start" : null;

  return (
    <div className="space-y-4">
      <div
        className={[
          "flex flex-wrap items-center gap-3",
          "rounded-xl border border-slate-200 bg-white p-4",
        ].join(" ")}
      >
        <p className="flex items-center gap-2" aria-live="polite">
          <span className="text-sm text-slate-600">State</span>
          {state ? <StateBadge state={state} /> : <span className="text-sm">Not installed</span>}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          {state === "running" && (
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              className={[
                "rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white",
                "hover:bg-accent-700",
              ].join(" ")}
            >
              Open {title}
            </a>
          )}
          {power && (
            <button
              type="button"
              onClick={() => void act(`/api/apps/${name}/${power}`, { method: "POST" })}
              className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium"
            >
              {power === "stop" ? "Stop" : "Start"}
            </button>
          )}
          {state === null && (
            <a
              href={`/catalog/${name}`}
              className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white"
            >
              Install {title}
            </a>
          )}
          {state !== null && !busy && (
            <button
              type="button"
              onClick={() => setUninstalling(true)}
              className={[
                "rounded-lg border border-red-200 px-4 py-2 text-sm font-medium text-red-700",
                "hover:bg-red-50",
              ].join(" ")}
            >
              Uninstall
            </button>
          )}
        </div>
        {state === "error" && reason && (
          <p role="alert" className="w-full rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {reason}
          </p>
        )}
        {error && (
          <p role="alert" className="w-full rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
      </div>

      <section aria-labelledby="log-title">
        <h2 id="log-title" className="mb-2 text-sm font-semibold text-slate-700">
          Recent log
        </h2>
        <pre
          ref={logRef}
          role="log"
          aria-label={`${title} log`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log needs the keyboard
          tabIndex={0}
          className={[
            "max-h-96 overflow-auto rounded-xl bg-slate-900 p-4 text-xs leading-relaxed",
            "text-slate-100",
          ].join(" ")}
        >
          {log.length === 0 ? "No log lines yet." : log.map((l) => l.line).join("\n")}
        </pre>
      </section>

      <UninstallDialog
        open={uninstalling}
        title={title}
        onCancel={() => setUninstalling(false)}
        onConfirm={(keepData) => {
          setUninstalling(false);
          void act(`/api/apps/${name}?keepData=${keepData}`, { method: "DELETE" });
        }}
      />
    </div>
  );
}
