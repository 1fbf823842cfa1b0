"use client";

import { useT } from "~/i18n/i18n-provider";
import { useAlertSettings } from "./escalation-alerts";
import { Button } from "~/ui/button";
import { BellIcon } from "./header-icons";
import styles from "./admin-shell.module.css";

/** Turns escalation sound + notifications on (asking the browser's permission) or mutes them. */
export function AlertsToggle() {
  const { muted, permission, setMuted, enable } = useAlertSettings();
  const t = useT("common").alerts;
  if (!muted && permission === "default") {
    return (
      <Button
        size="sm"
        className={styles.headerButton}
        onClick={enable}
        title={t.enable}
        data-testid="alerts-enable"
      >
        <BellIcon />
        <span className={styles.phoneWordsHidden}>{t.enable}</span>
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      className={styles.headerButton}
      aria-pressed={!muted}
      onClick={() => (muted ? enable() : setMuted(true))}
      data-testid="alerts-toggle"
      title={permission === "denied" ? t.blocked : muted ? t.muted : t.on}
    >
      <BellIcon off={muted} />
      <span className={styles.phoneWordsHidden}>{muted ? t.muted : t.on}</span>
    </Button>
  );
}
