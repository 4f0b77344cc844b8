"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { iconLabels, TerminalIcon } from "../_components/terminal-icon";

const messages: Record<string, string> = {
  CODE_INVALID: "That code is not valid. Check the digits and try again.",
  CODE_USED: "This code was already used. Ask for a new one on a paired device.",
  CODE_EXPIRED: "This code has expired. Ask for a new one on a paired device.",
  CODE_LOCKED: "This code was locked after too many wrong attempts. Ask for a new one.",
  RATE_LIMITED: "Too many wrong codes from this network. Wait a minute, then try again.",
};

type Props = {
  initialCode: string;
  next: string;
  suggestedName: string;
  suggestedIcon: string;
  pairedAs: string | null;
};

export function PairForm({ initialCode, next, suggestedName, suggestedIcon, pairedAs }: Props) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState(suggestedName);
  const [icon, setIcon] = useState(suggestedIcon);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const autoSubmitted = useRef(false);

  async function pair() {
    setBusy(true);
    setError(null);
    const result = await signIn("pairing-code", { code, name, icon, redirect: false });
    if (result?.ok && !result.error) {
      setDone(true);
      window.location.assign(next);

      return;
    }
    setBusy(false);
    setError(messages[result?.error ?? ""] ?? "Pairing failed. Try again in a moment.");
  }

  // A link with ?code= pairs at once: the person already chose to.
  useEffect(() => {
    if (initialCode && !autoSubmitted.current) {
      autoSubmitted.current = true;
      formRef.current?.requestSubmit();
    }
  }, [initialCode]);

  return (
    <form
      ref={formRef}
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        void pair();
      }}
    >
      {pairedAs && (
        <p className="rounded-lg bg-accent-50 p-3 text-sm text-accent-700">
          This browser is already paired as <strong>{pairedAs}</strong>.{" "}
          <a className="font-medium underline" href={next}>
            Continue
          </a>
        </p>
      )}
      <div>
        <label htmlFor="code" className="block text-sm font-medium text-slate-700">
          Pairing code
        </label>
        <input
          id="code"
          name="code"
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/[^\d\s-]/g, ""))}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[\d\s-]*"
          maxLength={16}
          required
          // biome-ignore lint/a11y/noAutofocus: the code is the only thing this page asks for
          autoFocus={!initialCode}
          aria-describedby="code-help"
          aria-invalid={error ? true : undefined}
          className={[
            "mt-2 block w-full rounded-xl border border-slate-300 bg-white px-4 py-4 text-center",
            "font-mono text-3xl tracking-[0.3em] shadow-sm focus:border-accent-500",
          ].join(" ")}
          placeholder="0000 0000"
        />
        <p id="code-help" className="mt-2 text-sm text-slate-500">
          The 8 digits shown on a paired device, or printed by the Portal when it starts.
        </p>
      </div>

      <div>
        <label htmlFor="name" className="block text-sm font-medium text-slate-700">
          Device name
        </label>
        <input
          id="name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={64}
          className={[
            "mt-2 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 shadow-sm",
            "focus:border-accent-500",
          ].join(" ")}
        />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Kind of device</legend>
        <div className="mt-2 grid grid-cols-5 gap-2">
          {Object.entries(iconLabels).map(([kind, label]) => (
            <label
              key={kind}
              className={[
                "flex cursor-pointer flex-col items-center gap-1 rounded-lg border",
                "border-slate-300 bg-white p-2 text-xs has-checked:border-accent-600",
                "has-checked:bg-accent-50 has-checked:text-accent-700 has-focus-visible:outline-2",
                "has-focus-visible:outline-accent-500",
              ].join(" ")}
            >
              <input
                type="radio"
                name="icon"
                value={kind}
                checked={icon === kind}
                onChange={() => setIcon(kind)}
                className="sr-only"
              />
              <TerminalIcon kind={kind} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <div aria-live="polite" className="min-h-6">
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        {done && <p className="text-sm text-green-700">Paired. Opening…</p>}
      </div>

      <button
        type="submit"
        disabled={busy || done}
        className={[
          "w-full rounded-xl bg-accent-600 px-4 py-3.5 text-lg font-semibold text-white shadow-sm",
          "hover:bg-accent-700 disabled:opacity-60",
        ].join(" ")}
      >
        {busy ? "Pairing…" : "Pair"}
      </button>
    </form>
  );
}
