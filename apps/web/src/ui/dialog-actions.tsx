"use client";

import { useT } from "~/i18n/i18n-provider";
import { Button } from "./button";
import styles from "./dialog.module.css";

/**
 * A dialog's Cancel and main action, right-aligned. Without `onConfirm` the action submits the
 * dialog's form; both wait while `busy`.
 */
export function DialogActions({
  label,
  cancelLabel,
  onCancel,
  onConfirm,
  busy = false,
  disabled = false,
  testId,
}: {
  label: string;
  /** Instead of "Cancel" (e.g. "Not now" when declining an offer). */
  cancelLabel?: string;
  onCancel: () => void;
  onConfirm?: () => void;
  busy?: boolean;
  disabled?: boolean;
  testId: string;
}) {
  const common = useT("common");
  return (
    <div className={styles.buttons}>
      <Button onClick={onCancel} disabled={busy}>
        {cancelLabel ?? common.actions.cancel}
      </Button>
      <Button
        type={onConfirm ? "button" : "submit"}
        variant="primary"
        onClick={onConfirm}
        disabled={busy || disabled}
        data-testid={testId}
      >
        {label}
      </Button>
    </div>
  );
}
