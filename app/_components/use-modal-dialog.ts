"use client";

import { useEffect, useRef } from "react";

/**
 * Opens and closes a native `<dialog>` as a modal with `open`. The native
 * modal traps focus, closes on Escape and returns focus afterwards.
 * `onOpen` runs each time it opens (a fresh code, a reset form).
 */
export function useModalDialog(open: boolean, onOpen?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  opened.current = onOpen;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      opened.current?.();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return ref;
}
