"use client";

import { useMemo } from "react";
import { groupByDay } from "./day-groups";
import { formatDayKey } from "./format";
import type { AuditEntry } from "./types";
import { dayKeyIn } from "~/lib/zoned-time";
import { plural } from "~/i18n/plural";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { AuditRow } from "./audit-row";
import { useAuditActors } from "./use-audit-actors";
import { useAuditWords } from "./use-audit-words";
import admin from "~/ui/admin-page.module.css";
import styles from "./audit.module.css";
import { useNow } from "~/features/console/use-now";

export function AuditEntries({
  entries,
  timeZone,
}: {
  entries: readonly AuditEntry[];
  timeZone: string;
}) {
  const t = useT("audit");
  const { locale } = useLocale();
  const describe = useAuditWords();
  const { byId: actors } = useAuditActors();
  const groups = useMemo(() => groupByDay(entries, timeZone), [entries, timeZone]);
  // Re-read each minute, so "today" and "yesterday" follow midnight on a page left open.
  const now = useNow(60_000);
  const today = dayKeyIn(now, timeZone);
  const yesterday = dayKeyIn(now - 86_400_000, timeZone);

  return (
    <div className={styles.days} data-testid="audit-entries">
      {groups.map((group) => {
        const headingId = `audit-day-${group.day}`;
        const relative =
          group.day === today ? t.today : group.day === yesterday ? t.yesterday : null;
        return (
          <section key={group.day} aria-labelledby={headingId} data-testid="audit-day">
            <h2 id={headingId} className={styles.dayHeader}>
              {relative && <strong>{relative} · </strong>}
              {formatDayKey(locale, group.day)}
              <span className="muted"> · {plural(locale, group.items.length, t.entries)}</span>
            </h2>
            <ol className={admin.rowList}>
              {group.items.map((entry) => (
                <AuditRow
                  key={entry.logId}
                  entry={entry}
                  sentence={describe(entry)}
                  actorEmail={actors.get(entry.actorId)?.email ?? null}
                  timeZone={timeZone}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
