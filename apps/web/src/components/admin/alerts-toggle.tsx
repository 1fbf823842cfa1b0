"use client";

import { useAlertSettings } from "./escalation-alerts";
import styles from "./admin-shell.module.css";

/** Turns escalation sound + notifications on (asking the browser's permission) or mutes them. */
export function AlertsToggle() {
  const { muted, permission, setMuted, enable } = useAlertSettings();
  if (!muted && permission === "default") {
    return (
      <button type="button" className={styles.quiet} onClick={enable} data-testid="alerts-enable">
        Enable alerts
      </button>
    );
  }
  return (
    <button
      type="button"
      className={styles.quiet}
      aria-pressed={!muted}
      onClick={() => (muted ? enable() : setMuted(true))}
      data-testid="alerts-toggle"
      title={
        permission === "denied"
          ? "Notifications are blocked in this browser; sound only"
          : undefined
      }
    >
      {muted ? "Alerts muted" : "Alerts on"}
    </button>
  );
}
