"use client";

import { countOf, COUNTED_STATUSES } from "./status-counts";
import type { InboxStatus } from "./conversation-filters";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useStatusCounts } from "./status-counts-provider";
import styles from "./conversations.module.css";
import { UnreadCount } from "~/features/triage/unread-count";
import { useUnreadCounts } from "~/features/triage/use-unread-counts";

/** The counters, in order: the queue's, and last the snoozed ones (waiting, later). */
const COUNTERS = [...COUNTED_STATUSES, "SNOOZED"] as const;

/** Live totals per status; a click filters the list by it (again: all statuses). */
export function StatusCounters({
  active,
  onSelect,
}: {
  active: InboxStatus | undefined;
  onSelect: (status: InboxStatus | undefined) => void;
}) {
  const counts = useStatusCounts();
  const unread = useUnreadCounts({});
  const { locale } = useLocale();
  const common = useT("common");
  const t = useT("conversations");
  return (
    <ul className={styles.counters} aria-label={t.inbox.byStatus}>
      {COUNTERS.map((status) => {
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
                {count.loaded ? formatNumber(locale, count.value) : "…"}
              </strong>
              <span>{status === "SNOOZED" ? t.inbox.snoozed : common.statuses[status]}</span>
              <UnreadCount count={unread?.byStatus[status] ?? 0} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
