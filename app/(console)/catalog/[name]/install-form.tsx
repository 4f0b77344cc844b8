"use client";

import { useState } from "react";
import { ApiError, api } from "../../../_components/api-client";

export type SettingField = {
  key: string;
  label: string;
  description: string;
  type: "string" | "number" | "boolean" | "secret" | "select";
  required: boolean;
  options: string[];
  defaultValue: string;
};

type Props = { name: string; title: string; fields: SettingField[]; generated: string[] };

/** One click, or one short form when the entry asks for settings. */
export function InstallForm({ name, title, fields, generated }: Props) {
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(
      fields.map((f) => [f.key, f.type === "boolean" ? f.defaultValue === "true" : f.defaultValue]),
    ),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function install() {
    setBusy(true);
    setError(null);
    const settings = Object.fromEntries(
      fields
        .filter((f) => values[f.key] !== "")
        .map((f) => [f.key, f.type === "number" ? Number(values[f.key]) : values[f.key]]),
    );
    try {
      await api(`/api/apps`, { method: "POST", body: JSON.stringify({ name, settings }) });
      window.location.assign(`/apps/${name}`);
    } catch (caught) {
      setBusy(false);
      setError(
        caught instanceof ApiError ? caught.message : "The Portal did not answer. Try again.",
      );
    }
  }

  return (
    <form
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void install();
      }}
    >
      {fields.map((field) => (
        <div key={field.key}>
          {field.type === "boolean" ? (
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                checked={values[field.key] === true}
                onChange={(event) => setValues({ ...values, [field.key]: event.target.checked })}
              />
              {field.label}
            </label>
          ) : (
            <>
              <label htmlFor={`setting-${field.key}`} className="block text-sm font-medium">
                {field.label}
                {field.required && <span className="text-red-700"> *</span>}
              </label>
              {field.type === "select" ? (
                <select
                  id={`setting-${field.key}`}
                  value={String(values[field.key])}
                  onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
                  className={[
                    "mt-1 block w-full rounded-md border",
                    "border-slate-300 px-2 py-2 font-normal",
                  ].join(" ")}
                >
                  {field.options.map((option) => (
                    <option key={option}>{option}</option>
                  ))}
                </select>
              ) : (
                <input
                  type={
                    field.type === "secret"
                      ? "password"
                      : field.type === "number"
                        ? "number"
                        : "text"
                  }
                  value={String(values[field.key])}
                  required={field.required}
                  onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
                  className={[
                    "mt-1 block w-full rounded-md border",
                    "border-slate-300 px-2 py-2 font-normal",
                  ].join(" ")}
                />
              )}
            </>
          )}
          {field.description && <p className="mt-1 text-xs text-slate-500">{field.description}</p>}
        </div>
      ))}
      {generated.length > 0 && (
        <p className="text-xs text-slate-500">
          Made for you and kept across reinstalls: {generated.join(", ")}.
        </p>
      )}
      <div aria-live="polite">
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={busy}
        className={[
          "w-full rounded-lg bg-accent-600 px-4 py-2.5 font-semibold text-white",
          "hover:bg-accent-700 disabled:opacity-60",
        ].join(" ")}
      >
        {busy ? "Starting the install…" : `Install ${title}`}
      </button>
    </form>
  );
}
