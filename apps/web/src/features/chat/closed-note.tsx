"use client";

import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import styles from "./chat.module.css";

export function ClosedNote({ onStartNew }: { onStartNew: () => void }) {
  const t = useT("chat").closed;
  return (
    <div className={styles.closedNote} data-testid="closed-note" role="status">
      <span>{t.note}</span>
      <Button variant="primary" pill onClick={onStartNew} data-testid="start-new">
        {t.startNew}
      </Button>
    </div>
  );
}
