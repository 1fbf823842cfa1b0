"use client";

import { delta } from "./delta";
import type { OverviewKpi } from "./overview-kpis";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import styles from "./stats.module.css";

const ARROWS = { up: "▲", down: "▼", flat: "■" } as const;

/** One headline number; with a previous value, the change as an arrow and a percentage. */
export function KpiCard({
  label,
  value,
  display,
  previous,
  previousDisplay,
  better = "neutral",
  hint,
  testId,
}: OverviewKpi) {
  const t = useT("stats");
  const { locale } = useLocale();
  const d =
    value !== null && previous !== undefined && previous !== null
      ? delta(value, previous, better)
      : null;
  return (
    <div className={styles.kpi} data-testid={testId}>
      <dt>{label}</dt>
      <dd className={styles.kpiValue} data-testid={testId ? `${testId}-value` : undefined}>
        {display}
      </dd>
      {d && (
        <dd
          className={styles.delta}
          data-tone={d.tone}
          title={t.delta.previous(previousDisplay ?? String(previous))}
          data-testid={testId ? `${testId}-delta` : undefined}
        >
          <span aria-hidden="true">{ARROWS[d.direction]} </span>
          <span className="sr-only">
            {d.direction === "up"
              ? t.delta.up
              : d.direction === "down"
                ? t.delta.down
                : t.delta.same}{" "}
          </span>
          {d.direction === "flat"
            ? t.delta.same
            : d.percent === null
              ? `${d.diff > 0 ? "+" : ""}${formatNumber(locale, d.diff, 2)} · ${t.delta.newFrom}`
              : `${d.diff > 0 ? "+" : ""}${formatNumber(locale, d.percent, 0)}%`}
        </dd>
      )}
      {hint && <dd className={styles.hint}>{hint}</dd>}
    </div>
  );
}
