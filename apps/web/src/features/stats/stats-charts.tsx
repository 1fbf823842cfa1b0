"use client";

import { bucketLabel, bucketTitle } from "./bucket-label";
import { breakdownLists, timeSeries } from "./chart-specs";
import type { StatsSummary } from "./types";
import { formatNumber, formatUsd } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useStages } from "~/features/console/use-lookups";
import { BarList } from "./bar-list";
import { ColumnChart, type ColumnSeries } from "./column-chart";
import { LatencyChart } from "./latency-chart";
import styles from "./stats.module.css";

export function StatsCharts({ data, timeZone }: { data: StatsSummary; timeZone: string }) {
  const t = useT("stats");
  const common = useT("common");
  const { locale } = useLocale();
  const { stages } = useStages();
  const { bucket, points } = data.series;
  const count = (v: number) => formatNumber(locale, v);
  const lists = breakdownLists(data, stages, t, common);
  const series = timeSeries(points, t);
  const overTime = (
    title: string,
    testId: string,
    values: ColumnSeries[],
    format: (value: number) => string,
    integers = true,
  ) => (
    <div className={styles.wide}>
      <ColumnChart
        title={title}
        axisLabels={points.map((p) => bucketLabel(locale, p.from, bucket, timeZone))}
        bucketTitles={points.map((p) => bucketTitle(locale, p.from, bucket, timeZone))}
        format={format}
        integers={integers}
        testId={testId}
        series={values}
      />
    </div>
  );

  return (
    <div className={styles.charts}>
      {overTime(t.charts.activity, "stats-activity", series.activity, count)}
      <BarList {...lists.stages} format={count} />
      <BarList {...lists.escalationTypes} format={count} />
      <BarList {...lists.statuses} format={count} />
      <BarList {...lists.channels} format={count} />
      {overTime(t.charts.messages, "stats-messages", series.messages, count)}
      <BarList {...lists.roles} format={count} />
      <LatencyChart llm={data.llm} />
      {overTime(t.charts.cost, "stats-cost", series.cost, (v) => formatUsd(locale, v), false)}
    </div>
  );
}
