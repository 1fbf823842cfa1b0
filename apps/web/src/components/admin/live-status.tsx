"use client";

import { useT } from "../i18n/i18n-provider";
import { useLiveState } from "./admin-events";
import styles from "./admin-shell.module.css";

/** Whether console updates are arriving; the socket reconnects by itself. */
export function LiveStatus() {
  const state = useLiveState();
  const t = useT("common").live;
  return (
    <span className={styles.live} data-state={state} data-testid="admin-live" role="status">
      {t[state]}
    </span>
  );
}
