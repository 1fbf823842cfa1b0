"use client";

import { useEffect, useRef, type ReactNode } from "react";
import dialogStyles from "../dialog.module.css";
import styles from "./agents.module.css";

/** A native modal <dialog> (focus trap, Escape, backdrop) holding a form of its own. */
export function Modal({
  open,
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`${dialogStyles.dialog} ${wide ? styles.wideDialog : ""}`}
      aria-labelledby={`${testId}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      {open && children}
    </dialog>
  );
}
