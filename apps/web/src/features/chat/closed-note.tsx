"use client";

import { useT } from "~/i18n/i18n-provider";
import styles from "./chat.module.css";

export function ClosedNote({ onStartNew }: { onStartNew: () => void }) {
  const t = useT("chat").closed;
  return (
    <div className={styles.closedNote} data-testid="closed-note" role="status">
      <span>{t.note}</span>
      <button type="button" className={styles.primary} onClick={onStartNew} data-testid="start-new">
        {t.startNew}
      </button>
    </div>
  );
}
