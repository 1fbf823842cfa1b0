"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useBrowserValue } from "~/ui/use-browser-value";
import { isUnauthorized } from "~/features/console/api-error";
import { viewerTimeZone } from "~/lib/zoned-time";
import { statsViewToQuery, type StatsView } from "./stats-query";
import { useT } from "~/i18n/i18n-provider";
import { StatsCharts } from "./stats-charts";
import { StatsControls } from "./stats-controls";
import { StatsOverview } from "./stats-overview";
import { StatsWindow } from "./stats-window";
import { HumanStats } from "./human-stats";
import { useStatsSummary } from "./use-stats-summary";
import { LoadFailed } from "~/ui/load-failed";
import admin from "~/ui/admin-page.module.css";

/** `/admin/stats`: a period in the viewer's zone, compared with the one before, kept in the URL. */
export function StatsDashboard({ initialView }: { initialView: StatsView }) {
  const t = useT("stats");
  const pathname = usePathname();
  const [view, setView] = useState(initialView);
  const timeZone = useBrowserValue<string | null>(viewerTimeZone, null);

  useEffect(() => {
    window.history.replaceState(window.history.state, "", `${pathname}${statsViewToQuery(view)}`);
  }, [view, pathname]);

  const summary = useStatsSummary(view, timeZone);

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
          <StatsWindow data={data} />
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
          <HumanStats view={view} timeZone={timeZone} />
        </>
      )}
    </section>
  );
}
