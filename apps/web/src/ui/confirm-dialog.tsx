"use client";

import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n-provider";
import { DialogActions } from "./dialog-actions";
import { Modal } from "./modal";
import styles from "./dialog.module.css";

/** A modal confirmation: what will happen, the server's refusal if any, Cancel and the action. */
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
  return (
    <Modal open={open} title={title} onClose={onCancel} testId="confirm-dialog">
      <p>{children}</p>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <DialogActions
        label={busy ? t.console.working : confirmLabel}
        onCancel={onCancel}
        onConfirm={onConfirm}
        busy={busy}
        testId="confirm"
      />
    </Modal>
  );
}
