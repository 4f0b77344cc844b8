"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { api } from "../../_components/api-client";
import { useModalDialog } from "../../_components/use-modal-dialog";

type Code = { id: string; code: string; url: string; expiresAt: string };
type Status = {
  state: "waiting" | "paired" | "expired" | "locked";
  terminal: { name: string } | null;
};

type Props = { open: boolean; onClose: () => void; pairedSignal: number };

/** Shows a fresh pairing code with its QR code and a countdown, until a device uses it. */
export function PairDeviceDialog({ open, onClose, pairedSignal }: Props) {
  const [code, setCode] = useState<Code | null>(null);
  const [qr, setQr] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  async function newCode() {
    setError(null);
    setStatus(null);
    setCode(null);
    try {
      const made = await api<Code>("/api/pairing-codes", { method: "POST" });
      setCode(made);
      setQr(await QRCode.toString(made.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  const ref = useModalDialog(open, () => void newCode());

  useEffect(() => {
    if (!code) return;
    const tick = () =>
      setLeft(Math.max(0, Math.round((Date.parse(code.expiresAt) - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);

    return () => clearInterval(timer);
  }, [code]);

  // A new terminal appeared: ask whether it was ours.
  useEffect(() => {
    if (!open || !code || pairedSignal === 0) return;
    void api<Status>(`/api/pairing-codes/${code.id}`).then(setStatus, () => {});
  }, [pairedSignal, open, code]);

  const paired = status?.state === "paired";
  const expired = !paired && code !== null && left === 0;
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, "0");

  return (
    <dialog
      ref={ref}
      onCancel={onClose}
      onClose={onClose}
      aria-labelledby="pair-title"
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl"
    >
      <div className="p-5">
        <h2 id="pair-title" className="text-lg font-semibold">
          Pair a new device
        </h2>
        <div aria-live="polite">
          {paired ? (
            <p className="mt-4 rounded-lg bg-green-50 p-4 text-green-800">
              <strong>{status?.terminal?.name ?? "The new device"}</strong> is paired.
            </p>
          ) : code ? (
            <div className="mt-4 space-y-4 text-center">
              <p className="text-sm text-slate-600">
                On the new device, scan the code or open <strong>/pair</strong> and enter:
              </p>
              <p className="font-mono text-4xl font-semibold tracking-[0.2em]">
                <span className="sr-only">Pairing code </span>
                {code.code.slice(0, 4)} {code.code.slice(4)}
              </p>
              {qr && (
                <div
                  className="mx-auto w-48 rounded-lg border border-slate-200 bg-white p-2"
                  role="img"
                  aria-label="QR code of the pairing link"
                  // The SVG is made here in the browser by the qrcode library from our own URL.
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: generated, not user input
                  dangerouslySetInnerHTML={{ __html: qr }}
                />
              )}
              <p className="break-all text-xs text-slate-500">{code.url}</p>
              <p className={expired ? "text-sm text-red-700" : "text-sm text-slate-600"}>
                {expired ? "This code has expired." : `Valid for ${minutes}:${seconds}`}
              </p>
            </div>
          ) : (
            !error && <p className="mt-4 text-sm text-slate-500">Making a code…</p>
          )}
          {error && (
            <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          )}
        </div>
        <div className="mt-5 flex justify-end gap-2">
          {(expired || error) && (
            <button
              type="button"
              onClick={() => void newCode()}
              className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium"
            >
              New code
            </button>
          )}
          <button
            type="button"
            onClick={onClose}
            className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white"
          >
            {paired ? "Done" : "Close"}
          </button>
        </div>
      </div>
    </dialog>
  );
}
