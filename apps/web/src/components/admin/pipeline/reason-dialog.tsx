"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "../../i18n/i18n-provider";
import dialog from "../dialog.module.css";
import styles from "./pipeline.module.css";

const MAX_REASON = 1_000;

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
  const common = useT("common");
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (reason.trim()) onSubmit(reason.trim());
  };
  const missing = touched && !reason.trim();

  return (
    <dialog
      ref={ref}
      className={dialog.dialog}
      aria-labelledby="reason-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="pipeline-reason-dialog"
    >
      <form onSubmit={submit} className={styles.reasonForm} noValidate>
        <h2 id="reason-title">{t.reason.title(stageName)}</h2>
        <label htmlFor="pipeline-reason">{t.reason.label}</label>
        <textarea
          id="pipeline-reason"
          rows={3}
          maxLength={MAX_REASON}
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
        <div className={dialog.buttons}>
          <button type="button" onClick={onCancel}>
            {common.actions.cancel}
          </button>
          <button type="submit" className={dialog.primary} data-testid="pipeline-reason-submit">
            {t.reason.submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
