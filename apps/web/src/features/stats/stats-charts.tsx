"use client";

import { MESSAGE_ROLES } from "@agents-crm/config/messages";
import { CONVERSATION_STATUSES } from "@agents-crm/config/conversations";
import { bucketLabel, bucketTitle } from "./bucket-label";
import { breakdown } from "./breakdown";
import type { StatsSummary } from "./types";
import { formatNumber, formatUsd } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useStages } from "~/features/console/use-lookups";
import { BarList } from "./bar-list";
import { ColumnChart } from "./column-chart";
import { LatencyChart } from "./latency-chart";
import styles from "./stats.module.css";

const CONVERSATIONS = "#2f6f5e";
const ESCALATIONS = "#e0a526";

const labelFrom = (names: Record<string, string>) => (key: string) => names[key] ?? key;

export function StatsCharts({ data, timeZone }: { data: StatsSummary; timeZone: string }) {
  const t = useT("stats");
  const common = useT("common");
  const { locale } = useLocale();
  const { stages } = useStages();
  const { bucket, points } = data.series;
  const axisLabels = points.map((p) => bucketLabel(locale, p.from, bucket, timeZone));
  const bucketTitles = points.map((p) => bucketTitle(locale, p.from, bucket, timeZone));
  const count = (v: number) => formatNumber(locale, v);
  const stageNames = Object.fromEntries(stages.map((s) => [s.id, s.name]));
  const stageColors = new Map(stages.map((s) => [s.id, s.color]));

  return (
    <div className={styles.charts}>
      <div className={styles.wide}>
        <ColumnChart
          title={t.charts.activity}
          axisLabels={axisLabels}
          bucketTitles={bucketTitles}
          format={count}
          integers
          testId="stats-activity"
          series={[
            {
              key: "conversations",
              label: t.series.conversations,
              color: CONVERSATIONS,
              values: points.map((p) => p.conversations),
            },
            {
              key: "escalations",
              label: t.series.escalations,
              color: ESCALATIONS,
              values: points.map((p) => p.escalations),
            },
          ]}
        />
      </div>
      <BarList
        title={t.charts.stages}
        valueHeader={t.series.conversations}
        format={count}
        testId="stats-stages"
        items={breakdown(
          data.conversations.byStage,
          stages.map((s) => s.id),
          labelFrom(stageNames),
        ).map((item) => ({ ...item, color: stageColors.get(item.key) }))}
      />
      <BarList
        title={t.charts.escalationTypes}
        valueHeader={t.series.escalations}
        format={count}
        testId="stats-escalation-types"
        items={breakdown(data.escalations.byType, [], labelFrom(t.escalationTypes)).map((item) => ({
          ...item,
          color: ESCALATIONS,
        }))}
      />
      <BarList
        title={t.charts.statuses}
        valueHeader={t.series.conversations}
        format={count}
        testId="stats-statuses"
        items={breakdown(
          data.conversations.byStatus,
          CONVERSATION_STATUSES,
          labelFrom(common.statuses),
        )}
      />
      <BarList
        title={t.charts.channels}
        valueHeader={t.series.conversations}
        format={count}
        testId="stats-channels"
        items={breakdown(data.conversations.byChannel, [], labelFrom(common.channels))}
      />
      <div className={styles.wide}>
        <ColumnChart
          title={t.charts.messages}
          axisLabels={axisLabels}
          bucketTitles={bucketTitles}
          format={count}
          integers
          testId="stats-messages"
          series={[
            {
              key: "messages",
              label: t.series.messages,
              color: "#5b7fa6",
              values: points.map((p) => p.messages),
            },
          ]}
        />
      </div>
      <BarList
        title={t.charts.roles}
        valueHeader={t.series.messages}
        format={count}
        testId="stats-roles"
        items={breakdown(data.messages.byRole, MESSAGE_ROLES, labelFrom(t.roles))}
      />
      <LatencyChart llm={data.llm} />
      <div className={styles.wide}>
        <ColumnChart
          title={t.charts.cost}
          axisLabels={axisLabels}
          bucketTitles={bucketTitles}
          format={(v) => formatUsd(locale, v)}
          testId="stats-cost"
          series={[
            {
              key: "cost",
              label: t.series.costUsd,
              color: "#8a6bb0",
              values: points.map((p) => p.costUsd),
            },
          ]}
        />
      </div>
    </div>
  );
}
