"use client";

import { MAX_REJECTION_REASON } from "@agents-crm/config/pipeline";
import { TextArea } from "~/ui/inputs";
import { useState, type FormEvent } from "react";
import { useT } from "~/i18n/i18n-provider";
import { DialogActions } from "~/ui/dialog-actions";
import { Dialog } from "~/ui/dialog";
import dialog from "~/ui/dialog.module.css";
import styles from "./pipeline.module.css";

/** Asked once when a card goes to a stage that needs a reason; nothing is saved per keystroke. */
export function ReasonDialog({
  stageName,
  onSubmit,
  onCancel,
}: {
  stageName: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useT("pipeline");
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (reason.trim()) onSubmit(reason.trim());
  };
  const missing = touched && !reason.trim();

  return (
    <Dialog
      open
      title={t.reason.title(stageName)}
      onClose={onCancel}
      testId="pipeline-reason-dialog"
    >
      <form onSubmit={submit} className={styles.reasonForm} noValidate>
        <label htmlFor="pipeline-reason">{t.reason.label}</label>
        <TextArea
          className={styles.fill}
          id="pipeline-reason"
          rows={3}
          maxLength={MAX_REJECTION_REASON}
          value={reason}
          autoFocus
          aria-invalid={missing}
          aria-describedby="pipeline-reason-hint"
          onChange={(e) => setReason(e.target.value)}
          data-testid="pipeline-reason"
        />
        <p id="pipeline-reason-hint" className={missing ? dialog.error : "muted"}>
          {missing ? t.reason.required : t.reason.hint}
        </p>
        <DialogActions
          label={t.reason.submit}
          onCancel={onCancel}
          testId="pipeline-reason-submit"
        />
      </form>
    </Dialog>
  );
}
