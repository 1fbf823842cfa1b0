"use client";

import { useLiveState } from "./admin-events";
import styles from "./admin-shell.module.css";

const LABELS = { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…" } as const;

/** Whether console updates are arriving; the socket reconnects by itself. */
export function LiveStatus() {
  const state = useLiveState();
  return (
    <span className={styles.live} data-state={state} data-testid="admin-live" role="status">
      {LABELS[state]}
    </span>
  );
}
