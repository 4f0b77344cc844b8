"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TerminalView } from "@/lib/terminals/list-terminals";
import { api } from "../../_components/api-client";
import { ConfirmDialog } from "../../_components/confirm-dialog";
import { RelativeTime } from "../../_components/relative-time";
import { TerminalIcon } from "../../_components/terminal-icon";
import { PairDeviceDialog } from "./pair-device-dialog";
import { TerminalEditor } from "./terminal-editor";

type Pending =
  | { kind: "revoke"; terminal: TerminalView }
  | { kind: "others" }
  | { kind: "self"; terminal: TerminalView }
  | null;

export function DevicesView({ initialTerminals }: { initialTerminals: TerminalView[] }) {
  const [terminals, setTerminals] = useState(initialTerminals);
  const [pending, setPending] = useState<Pending>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pairing, setPairing] = useState(false);
  const [pairedSignal, setPairedSignal] = useState(0);
  const known = useRef(new Set(initialTerminals.map((t) => t.id)));

  const refresh = useCallback(async () => {
    try {
      const { terminals: list } = await api<{ terminals: TerminalView[] }>("/api/terminals");
      const added = list.filter((t) => !known.current.has(t.id));
      known.current = new Set(list.map((t) => t.id));
      setTerminals(list);
      if (added.length > 0) {
        setStatus(`${added.map((t) => t.name).join(", ")} paired.`);
        setPairedSignal((n) => n + 1);
      }
    } catch (caught) {
      // Our own terminal was revoked from elsewhere: leave the console.
      if ((caught as { status?: number }).status === 401)
        window.location.assign("/pair?next=/devices");
    }
  }, []);

  // The list follows the server: a device paired or revoked anywhere shows up here.
  useEffect(() => {
    const source = new EventSource("/api/terminals/events");
    source.addEventListener("terminals", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { revoked: boolean };
      if (data.revoked) window.location.assign("/pair?next=/devices");
      else void refresh();
    });

    return () => source.close();
  }, [refresh]);

  async function confirmPending() {
    if (!pending) return;
    setError(null);
    try {
      if (pending.kind === "revoke") {
        await api(`/api/terminals/${pending.terminal.id}`, { method: "DELETE" });
        setStatus(`${pending.terminal.name} was signed out.`);
        await refresh();
      } else if (pending.kind === "others") {
        const { revoked } = await api<{ revoked: number }>("/api/terminals", { method: "DELETE" });
        setStatus(
          revoked === 1 ? "1 device was signed out." : `${revoked} devices were signed out.`,
        );
        await refresh();
      } else {
        await api(`/api/terminals/${pending.terminal.id}`, { method: "DELETE" });
        window.location.assign("/pair");
      }
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(null);
    }
  }

  const self = terminals.find((t) => t.current);
  const others = terminals.filter((t) => !t.current);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Devices</h1>
          <p className="mt-1 text-sm text-slate-500">
            Every browser that can open this Portal and its apps.
          </p>
        </div>
        <button
          type="button"
          onClick={() => setPairing(true)}
          className={[
            "rounded-lg bg-accent-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm",
            "hover:bg-accent-700",
          ].join(" ")}
        >
          Pair a new device
        </button>
      </div>

      <div aria-live="polite" className="text-sm">
        {status && <p className="rounded-lg bg-green-50 p-3 text-green-800">{status}</p>}
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
            {error}
          </p>
        )}
      </div>

      <ul
        aria-label="Paired devices"
        className={[
          "divide-y divide-slate-200 overflow-hidden rounded-xl",
          "border border-slate-200 bg-white",
        ].join(" ")}
      >
        {terminals.map((terminal) => (
          <li key={terminal.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
            <div className="flex min-w-0 flex-1 items-start gap-3">
              <span
                className={[
                  "grid size-11 shrink-0",
                  "place-items-center rounded-lg bg-slate-100 text-slate-600",
                ].join(" ")}
              >
                <TerminalIcon kind={terminal.icon} />
              </span>
              <div className="min-w-0 flex-1">
                <TerminalEditor
                  terminal={terminal}
                  onSaved={(message) => {
                    setStatus(message);
                    void refresh();
                  }}
                  onError={setError}
                />
                <p className="mt-1 text-sm text-slate-500">
                  {terminal.userAgentSummary} · paired <RelativeTime iso={terminal.pairedAt} /> ·
                  last seen <RelativeTime iso={terminal.lastSeenAt} />
                </p>
              </div>
            </div>
            {terminal.current ? (
              <button
                type="button"
                onClick={() => setPending({ kind: "self", terminal })}
                className={[
                  "self-start rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium",
                  "hover:bg-slate-50 sm:self-center",
                ].join(" ")}
              >
                Sign out
              </button>
            ) : (
              <button
                type="button"
                onClick={() => setPending({ kind: "revoke", terminal })}
                aria-label={`Revoke ${terminal.name}`}
                className={[
                  "self-start rounded-lg border border-red-200 px-3 py-2 text-sm font-medium",
                  "text-red-700 hover:bg-red-50 sm:self-center",
                ].join(" ")}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>

      {others.length > 0 && (
        <button
          type="button"
          onClick={() => setPending({ kind: "others" })}
          className="text-sm font-medium text-red-700 underline-offset-2 hover:underline"
        >
          Sign out all other devices
        </button>
      )}

      <PairDeviceDialog
        open={pairing}
        onClose={() => setPairing(false)}
        pairedSignal={pairedSignal}
      />

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === "revoke"
            ? `Revoke ${pending.terminal.name}?`
            : pending?.kind === "others"
              ? "Sign out all other devices?"
              : "Sign out of this device?"
        }
        body={
          pending?.kind === "revoke"
            ? "It loses the console and every app at once. Pairing it again needs a new code."
            : pending?.kind === "others"
              ? `${others.length} other device(s) lose the console and every app at once.`
              : `${self?.name ?? "This device"} will need a new pairing code to come back.`
        }
        confirmLabel={pending?.kind === "self" ? "Sign out" : "Revoke"}
        onConfirm={() => void confirmPending()}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
