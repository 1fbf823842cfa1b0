"use client";

import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import type { StatsSummary } from "./types";
import styles from "./stats.module.css";

/** The period shown (and the one compared with), and a note when expiry has already removed some of it. */
export function StatsWindow({ data }: { data: StatsSummary }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const when = (iso: string) => formatDateTime(locale, iso);
  return (
    <>
      <p className={styles.window} data-testid="stats-window">
        {t.window(when(data.window.from), when(data.window.to))}
        {data.comparison && (
          <span className="muted">
            {" · "}
            {t.previousWindow(when(data.comparison.window.from), when(data.comparison.window.to))}
          </span>
        )}
      </p>
      {!data.retention.complete && data.retention.availableFrom && (
        <p className={styles.partial} role="note" data-testid="stats-partial">
          {t.partial(data.retention.messageTtlHours, when(data.retention.availableFrom))}
        </p>
      )}
    </>
  );
}
