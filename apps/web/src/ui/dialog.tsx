"use client";

import { useEffect, useRef, type ReactNode } from "react";
import styles from "./dialog.module.css";

/**
 * The app's modal dialog: a native <dialog> (focus trap, Escape and backdrop come with it) with a
 * title; Escape asks `onClose` instead of closing, so the owner's state decides. Its content exists
 * only while it is open, so a reopened form starts fresh.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  testId,
  className,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  className?: string;
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
      className={className ? `${styles.dialog} ${className}` : styles.dialog}
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
