"use client";

import type { StatsSummary } from "./types";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { KpiCard } from "./kpi-card";
import { overviewKpis } from "./overview-kpis";
import styles from "./stats.module.css";

/** The headline numbers, each against the previous period when comparing. */
export function StatsOverview({ data }: { data: StatsSummary }) {
  const t = useT("stats");
  const { locale } = useLocale();
  return (
    <dl className={styles.kpis} data-testid="stats-overview">
      {overviewKpis(data, t, locale).map((kpi) => (
        <KpiCard key={kpi.testId} {...kpi} />
      ))}
    </dl>
  );
}
