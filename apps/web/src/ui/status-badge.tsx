"use client";

import type { ConversationStatus } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./badges.module.css";

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const t = useT("common");
  return (
    <span className={styles.status} data-status={status} data-testid="status-badge">
      {t.statuses[status]}
    </span>
  );
}
