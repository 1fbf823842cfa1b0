"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useBrowserValue } from "~/ui/use-browser-value";
import { isUnauthorized } from "~/features/console/api-error";
import { viewerTimeZone } from "~/lib/zoned-time";
import { statsViewToQuery, type StatsView } from "./stats-query";
import { formatDateTime } from "~/i18n/format";
import { trpc } from "~/lib/trpc";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSession } from "~/features/console/session-context";
import { StatsCharts } from "./stats-charts";
import { StatsControls } from "./stats-controls";
import { StatsOverview } from "./stats-overview";
import { LoadFailed } from "~/ui/load-failed";
import admin from "~/ui/admin-page.module.css";
import styles from "./stats.module.css";

/** Activity lands in bursts (a turn is several events): one re-read after the burst, not one per event. */
const REFRESH_AFTER_EVENT_MS = 3_000;

/** `/admin/stats`: a period in the viewer's zone, compared with the one before, kept in the URL. */
export function StatsDashboard({ initialView }: { initialView: StatsView }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const pathname = usePathname();
  const { sessionLost } = useSession();
  const [view, setView] = useState(initialView);
  const timeZone = useBrowserValue<string | null>(viewerTimeZone, null);

  useEffect(() => {
    window.history.replaceState(window.history.state, "", `${pathname}${statsViewToQuery(view)}`);
  }, [view, pathname]);

  const summary = trpc.stats.summary.useQuery(
    {
      period: view.period,
      compare: view.compare,
      timezone: timeZone ?? "UTC",
      ...(view.agentId ? { agentId: view.agentId } : {}),
    },
    { enabled: timeZone !== null, placeholderData: (previous) => previous, retry: false },
  );

  useEffect(() => {
    if (summary.error && isUnauthorized(summary.error)) sessionLost();
  }, [summary.error, sessionLost]);

  // New conversations, escalations and messages change today's numbers: re-read once they settle.
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { refetch } = summary;
  useAdminEvents((event) => {
    if (event.type === "message.updated" || event.type === "audit.appended" || refresh.current) {
      return;
    }
    refresh.current = setTimeout(() => {
      refresh.current = null;
      void refetch();
    }, REFRESH_AFTER_EVENT_MS);
  });
  useEffect(
    () => () => {
      if (refresh.current) clearTimeout(refresh.current);
    },
    [],
  );

  const data = summary.data;
  return (
    <section className={admin.page} aria-labelledby="stats-title" aria-busy={summary.isFetching}>
      <div className={admin.header}>
        <div>
          <h1 id="stats-title">{t.title}</h1>
          {timeZone && <p className="muted">{t.intro(timeZone)}</p>}
        </div>
        {summary.isFetching && data && (
          <span className="muted" role="status">
            {t.updating}
          </span>
        )}
      </div>
      <StatsControls view={view} onChange={setView} />
      {summary.error && !isUnauthorized(summary.error) && (
        <LoadFailed message={t.loadError} onRetry={() => void summary.refetch()} />
      )}
      {!data ? (
        !summary.error && (
          <p className="muted" role="status">
            {t.loading}
          </p>
        )
      ) : (
        <>
          <p className={styles.window} data-testid="stats-window">
            {t.window(
              formatDateTime(locale, data.window.from),
              formatDateTime(locale, data.window.to),
            )}
            {data.comparison && (
              <span className="muted">
                {" · "}
                {t.previousWindow(
                  formatDateTime(locale, data.comparison.window.from),
                  formatDateTime(locale, data.comparison.window.to),
                )}
              </span>
            )}
          </p>
          {!data.retention.complete && data.retention.availableFrom && (
            <p className={styles.partial} role="note" data-testid="stats-partial">
              {t.partial(
                data.retention.messageTtlHours,
                formatDateTime(locale, data.retention.availableFrom),
              )}
            </p>
          )}
          <StatsOverview data={data} />
          {data.conversations.total === 0 &&
          data.messages.total === 0 &&
          data.escalations.total === 0 ? (
            <p className={admin.empty} data-testid="stats-empty">
              {t.empty}
            </p>
          ) : (
            <StatsCharts data={data} timeZone={timeZone ?? "UTC"} />
          )}
        </>
      )}
    </section>
  );
}
