"use client";

import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n-provider";
import { Dialog } from "./dialog";
import { DialogActions } from "./dialog-actions";
import { Notice } from "./notice";

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
    <Dialog open={open} title={title} onClose={onCancel} testId="confirm-dialog">
      <p>{children}</p>
      {error && (
        <Notice tone="danger" look="text" role="alert">
          {error}
        </Notice>
      )}
      <DialogActions
        label={busy ? t.console.working : confirmLabel}
        onCancel={onCancel}
        onConfirm={onConfirm}
        busy={busy}
        testId="confirm"
      />
    </Dialog>
  );
}
