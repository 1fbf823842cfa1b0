"use client";

import { formatDateTime } from "~/i18n/format";
import { formatWaiting, waitingLevel } from "./waiting-since";
import { useLocale, useT } from "~/i18n/i18n-provider";
import styles from "./conversations.module.css";

/** How long the customer has waited for a human; ticks with the inbox's clock. */
export function WaitingTimer({ since, now }: { since: string; now: number }) {
  const t = useT("conversations");
  const { locale } = useLocale();
  return (
    <time
      dateTime={since}
      className={styles.waiting}
      data-level={waitingLevel(since, now)}
      data-testid="waiting-since"
      title={t.row.waitingSince(formatDateTime(locale, since))}
    >
      {t.row.waiting(formatWaiting(since, now, t.duration))}
    </time>
  );
}
