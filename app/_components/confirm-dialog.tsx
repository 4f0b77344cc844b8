"use client";

import { useModalDialog } from "./use-modal-dialog";

type Props = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question. The native dialog gives focus trapping and Escape for free. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onCancel }: Props) {
  const ref = useModalDialog(open);

  return (
    <dialog
      ref={ref}
      onCancel={onCancel}
      aria-labelledby="confirm-title"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl"
    >
      <div className="p-5">
        <h2 id="confirm-title" className="text-lg font-semibold">
          {title}
        </h2>
        <p className="mt-2 text-sm text-slate-600">{body}</p>
        <div className="mt-5 flex justify-end gap-2">
          <button
            type="button"
            onClick={onCancel}
            className={[
              "rounded-lg border border-slate-300 px-4",
              "py-2 text-sm font-medium hover:bg-slate-50",
            ].join(" ")}
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={onConfirm}
            className={[
              "rounded-lg bg-red-600 px-4 py-2",
              "text-sm font-semibold text-white hover:bg-red-700",
            ].join(" ")}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
