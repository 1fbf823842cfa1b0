"use client";

import { useId } from "react";
import { labelEvery, linearScale, niceTicks } from "./scale";
import { useT } from "~/i18n/i18n-provider";
import { ChartTable } from "./chart-table";
import styles from "./stats.module.css";

export interface ColumnSeries {
  key: string;
  label: string;
  color: string;
  values: readonly number[];
}

const W = 900;
const H = 200;
const M = { top: 12, right: 8, bottom: 30, left: 72 };
const MAX_AXIS_LABELS = 8;

/** Columns per time bucket (one or two series side by side), with a y axis, titles and a table. */
export function ColumnChart({
  title,
  axisLabels,
  bucketTitles,
  series,
  format,
  integers = false,
  testId,
}: {
  title: string;
  axisLabels: readonly string[];
  bucketTitles: readonly string[];
  series: readonly ColumnSeries[];
  format: (value: number) => string;
  /** Counts: no half steps on the axis. */
  integers?: boolean;
  testId?: string;
}) {
  const t = useT("stats");
  const titleId = useId();
  const count = axisLabels.length;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max, 4, integers);
  const top = ticks[ticks.length - 1] ?? 1;
  const y = linearScale(top, H - M.bottom, M.top);
  const band = (W - M.left - M.right) / Math.max(1, count);
  const gap = Math.min(6, band * 0.2);
  const barWidth = Math.max(1, (band - gap) / Math.max(1, series.length));
  const showLabel = labelEvery(count, MAX_AXIS_LABELS);

  return (
    <figure className={styles.chart} data-testid={testId}>
      <figcaption id={titleId} className={styles.chartTitle}>
        {title}
      </figcaption>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={styles.swatch} style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.svg} role="img" aria-labelledby={titleId}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className={styles.grid} />
            <text x={M.left - 6} y={y(tick)} className={styles.yLabel} dominantBaseline="middle">
              {format(tick)}
            </text>
          </g>
        ))}
        {axisLabels.map((label, i) => {
          const x0 = M.left + i * band + gap / 2;
          return (
            <g key={`${label}-${i}`}>
              {series.map((s, j) => {
                const value = s.values[i] ?? 0;
                const height = H - M.bottom - y(value);
                return (
                  <rect
                    key={s.key}
                    x={x0 + j * barWidth}
                    y={y(value)}
                    width={barWidth}
                    height={Math.max(0, height)}
                    fill={s.color}
                    rx={Math.min(2, barWidth / 2)}
                  >
                    <title>{`${bucketTitles[i] ?? label} — ${s.label}: ${format(value)}`}</title>
                  </rect>
                );
              })}
              {showLabel(i) && (
                <text x={x0 + (band - gap) / 2} y={H - 8} className={styles.xLabel}>
                  {label}
                </text>
              )}
            </g>
          );
        })}
        <line
          x1={M.left}
          x2={W - M.right}
          y1={H - M.bottom}
          y2={H - M.bottom}
          className={styles.axis}
        />
      </svg>
      <ChartTable
        corner={t.charts.when}
        columns={series}
        rows={bucketTitles.map((when, i) => ({
          key: `${when}-${i}`,
          label: when,
          cells: series.map((s) => format(s.values[i] ?? 0)),
        }))}
      />
    </figure>
  );
}
