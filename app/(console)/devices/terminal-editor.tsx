"use client";

import { useState } from "react";
import type { TerminalView } from "@/lib/terminals/list-terminals";
import { api } from "../../_components/api-client";
import { iconLabels } from "../../_components/terminal-icon";

type Props = {
  terminal: TerminalView;
  onSaved: (message: string) => void;
  onError: (message: string) => void;
};

/** A terminal's name, with inline rename and icon change. */
export function TerminalEditor({ terminal, onSaved, onError }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(terminal.name);
  const [icon, setIcon] = useState(terminal.icon);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      await api(`/api/terminals/${terminal.id}`, {
        method: "PATCH",
        body: JSON.stringify({ name, icon }),
      });
      setEditing(false);
      onSaved(`Saved ${name.trim()}.`);
    } catch (caught) {
      onError((caught as Error).message);
    } finally {
      setSaving(false);
    }
  }

  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span className="truncate font-medium">{terminal.name}</span>
        {terminal.current && (
          <span
            className={[
              "rounded-full bg-accent-100 px-2",
              "py-0.5 text-xs font-medium text-accent-700",
            ].join(" ")}
          >
            This device
          </span>
        )}
        <button
          type="button"
          onClick={() => {
            setName(terminal.name);
            setIcon(terminal.icon);
            setEditing(true);
          }}
          aria-label={`Rename ${terminal.name}`}
          className="rounded px-1.5 py-0.5 text-sm text-accent-700 hover:bg-accent-50"
        >
          Edit
        </button>
      </div>
    );
  }

  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setEditing(false);
      }}
    >
      <label className="flex flex-col text-xs text-slate-500">
        Name
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={64}
          required
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this field
          autoFocus
          className={[
            "mt-1 w-56 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-base",
            "text-slate-900",
          ].join(" ")}
        />
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        Icon
        <select
          value={icon}
          onChange={(event) => setIcon(event.target.value)}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-base text-slate-900"
        >
          {Object.entries(iconLabels).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={saving}
        className={[
          "rounded-md bg-accent-600 px-3 py-1.5 text-sm font-semibold text-white",
          "disabled:opacity-60",
        ].join(" ")}
      >
        Save
      </button>
      <button
        type="button"
        onClick={() => setEditing(false)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      >
        Cancel
      </button>
    </form>
  );
}
