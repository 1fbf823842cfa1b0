"use client";

import { useT } from "~/i18n/i18n-provider";
import styles from "./dialog.module.css";

/**
 * A dialog's Cancel and main action, right-aligned. Without `onConfirm` the action submits the
 * dialog's form; both wait while `busy`.
 */
export function DialogActions({
  label,
  onCancel,
  onConfirm,
  busy = false,
  disabled = false,
  testId,
}: {
  label: string;
  onCancel: () => void;
  onConfirm?: () => void;
  busy?: boolean;
  disabled?: boolean;
  testId: string;
}) {
  const common = useT("common");
  return (
    <div className={styles.buttons}>
      <button type="button" onClick={onCancel} disabled={busy}>
        {common.actions.cancel}
      </button>
      <button
        type={onConfirm ? "button" : "submit"}
        className={styles.primary}
        onClick={onConfirm}
        disabled={busy || disabled}
        data-testid={testId}
      >
        {label}
      </button>
    </div>
  );
}
