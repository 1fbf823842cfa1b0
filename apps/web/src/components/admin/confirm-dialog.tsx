"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "../i18n/i18n-provider";
import styles from "./dialog.module.css";

/** A modal confirmation on the native <dialog> (focus trap, Escape and backdrop come with it). */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useT("common");
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
      className={styles.dialog}
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id="confirm-title">{title}</h2>
      <p>{children}</p>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t.actions.cancel}
        </button>
        <button
          type="button"
          className={styles.primary}
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm"
        >
          {busy ? t.console.working : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
