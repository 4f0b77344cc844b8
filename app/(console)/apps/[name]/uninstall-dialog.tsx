"use client";

import { useState } from "react";
import { useModalDialog } from "../../../_components/use-modal-dialog";

type Props = {
  open: boolean;
  title: string;
  onConfirm: (keepData: boolean) => void;
  onCancel: () => void;
};

/** Asks whether to keep the app's data, and says what each answer does. */
export function UninstallDialog({ open, title, onConfirm, onCancel }: Props) {
  const [keepData, setKeepData] = useState(true);
  const ref = useModalDialog(open, () => setKeepData(true));

  return (
    <dialog
      ref={ref}
      onCancel={onCancel}
      aria-labelledby="uninstall-title"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl"
    >
      <form
        className="space-y-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(keepData);
        }}
      >
        <h2 id="uninstall-title" className="text-lg font-semibold">
          Uninstall {title}?
        </h2>
        <fieldset className="space-y-2 text-sm">
          <legend className="sr-only">What happens to its data</legend>
          <label className="flex gap-2">
            <input type="radio" name="data" checked={keepData} onChange={() => setKeepData(true)} />
            <span>
              <strong>Keep its data</strong>: installing it again finds everything as it was.
            </span>
          </label>
          <label className="flex gap-2">
            <input
              type="radio"
              name="data"
              checked={!keepData}
              onChange={() => setKeepData(false)}
            />
            <span>
              <strong>Delete its data</strong> for good, from this box.
            </span>
          </label>
        </fieldset>
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onCancel}
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium"
          >
            Cancel
          </button>
          <button
            type="submit"
            className={[
              "rounded-lg bg-red-600 px-4 py-2",
              "text-sm font-semibold text-white hover:bg-red-700",
            ].join(" ")}
          >
            Uninstall
          </button>
        </div>
      </form>
    </dialog>
  );
}
