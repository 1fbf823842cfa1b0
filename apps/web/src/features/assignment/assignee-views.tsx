"use client";

import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { UnreadCount } from "~/features/triage/unread-count";
import { useUnreadCounts } from "~/features/triage/use-unread-counts";
import { useAssigneeCounts } from "./use-assignee-counts";
import styles from "./assignment.module.css";

const VIEWS = [
  { key: "mine", assignee: "me" },
  { key: "unassigned", assignee: "unassigned" },
  { key: "all", assignee: undefined },
] as const;

/** A view's unread conversations for the caller, kept live by the event stream. */
function ViewUnread({ assignee }: { assignee: string | undefined }) {
  const unread = useUnreadCounts({ assignee });
  return (
    <span className={styles.unread}>
      <UnreadCount count={unread?.total ?? 0} />
    </span>
  );
}

/** Mine / Unassigned / All, each with its count of open conversations and the caller's unread ones; the pressed one filters the inbox. */
export function AssigneeViews({
  assignee,
  onSelect,
}: {
  assignee: string | undefined;
  onSelect: (assignee: string | undefined) => void;
}) {
  const t = useT("assignment").views;
  const { locale } = useLocale();
  const counts = useAssigneeCounts();
  return (
    <ul className={styles.views} aria-label={t.label}>
      {VIEWS.map((view) => {
        const pressed =
          view.assignee === undefined ? assignee === undefined : assignee === view.assignee;
        return (
          <li key={view.key}>
            <button
              type="button"
              className={styles.view}
              aria-pressed={pressed}
              onClick={() => onSelect(view.assignee)}
              data-testid={`view-${view.key}`}
            >
              <span>{t[view.key]}</span>
              <strong title={t.countTitle} data-testid={`view-${view.key}-count`}>
                {counts ? formatNumber(locale, counts[view.key]) : "…"}
              </strong>
              <ViewUnread assignee={view.assignee} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
