import { STATUS_LABELS } from "../../lib/admin/labels";
import type { ConversationStatus } from "../../lib/admin/types";
import styles from "./badges.module.css";

export function StatusBadge({ status }: { status: ConversationStatus }) {
  return (
    <span className={styles.status} data-status={status} data-testid="status-badge">
      {STATUS_LABELS[status]}
    </span>
  );
}
