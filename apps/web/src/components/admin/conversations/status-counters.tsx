"use client";

import { STATUS_LABELS } from "../../../lib/admin/labels";
import {
  countOf,
  COUNTED_STATUSES,
  formatCount,
  type CountedStatus,
} from "../../../lib/admin/status-counts";
import type { ConversationStatus } from "../../../lib/admin/types";
import { useStatusCounts } from "../status-counts-provider";
import styles from "./conversations.module.css";

/** Live totals per status; a click filters the list by it (again: all statuses). */
export function StatusCounters({
  active,
  onSelect,
}: {
  active: ConversationStatus | undefined;
  onSelect: (status: CountedStatus | undefined) => void;
}) {
  const counts = useStatusCounts();
  return (
    <ul className={styles.counters} aria-label="Conversations by status">
      {COUNTED_STATUSES.map((status) => {
        const count = countOf(counts, status);
        return (
          <li key={status}>
            <button
              type="button"
              className={styles.counter}
              data-status={status}
              aria-pressed={active === status}
              onClick={() => onSelect(active === status ? undefined : status)}
              data-testid={`count-${status}`}
            >
              <strong data-testid={`count-${status}-value`}>
                {count.loaded ? formatCount(count) : "…"}
              </strong>
              <span>{STATUS_LABELS[status]}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
