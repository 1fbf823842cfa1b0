"use client";

import { isUnauthorized } from "~/features/console/api-error";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { LoadFailed } from "~/ui/load-failed";
import { bucketLabel, bucketTitle } from "./bucket-label";
import { ColumnChart } from "./column-chart";
import { humanKpis } from "./human-kpis";
import { HumanTimesChart } from "./human-times-chart";
import { KpiCard } from "./kpi-card";
import { StaffTable } from "./staff-table";
import type { StatsView } from "./stats-query";
import { useStatsHumans } from "./use-stats-humans";
import styles from "./stats.module.css";

const COLORS = { takeovers: "#2f6f5e", resolved: "#5b7fa6", realerts: "#c2553f" } as const;

/** The front desk: take-overs, staff response times, resolves and re-alerts, and who did what. */
export function HumanStats({ view, timeZone }: { view: StatsView; timeZone: string | null }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const humans = useStatsHumans(view, timeZone);
  const data = humans.data;
  const words = t.humans;
  return (
    <section
      className={styles.humans}
      aria-labelledby="stats-humans-title"
      data-testid="stats-humans"
    >
      <h2 id="stats-humans-title">{words.title}</h2>
      <p className="muted">{words.intro}</p>
      {humans.error && !isUnauthorized(humans.error) && (
        <LoadFailed message={words.loadError} onRetry={() => void humans.refetch()} />
      )}
      {data && (
        <>
          <dl className={styles.kpis} data-testid="stats-humans-overview">
            {humanKpis(data, t, locale).map((kpi) => (
              <KpiCard key={kpi.testId} {...kpi} />
            ))}
          </dl>
          <div className={styles.charts}>
            <div className={styles.wide}>
              <ColumnChart
                title={words.charts.activity}
                testId="stats-human-activity"
                axisLabels={data.series.points.map((p) =>
                  bucketLabel(locale, p.from, data.series.bucket, data.timezone),
                )}
                bucketTitles={data.series.points.map((p) =>
                  bucketTitle(locale, p.from, data.series.bucket, data.timezone),
                )}
                format={(v) => formatNumber(locale, v)}
                integers
                series={(["takeovers", "resolved", "realerts"] as const).map((key) => ({
                  key,
                  label: words.series[key],
                  color: COLORS[key],
                  values: data.series.points.map((p) => p[key]),
                }))}
              />
            </div>
            <HumanTimesChart data={data} />
            <StaffTable staff={data.staff} />
          </div>
        </>
      )}
    </section>
  );
}
