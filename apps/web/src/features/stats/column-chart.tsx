"use client";

import { labelEvery, linearScale, niceTicks } from "./scale";
import { useT } from "~/i18n/i18n-provider";
import { ChartFigure, Legend } from "./chart-figure";
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
    <ChartFigure title={title} testId={testId}>
      {(titleId) => (
        <>
          <Legend items={series} />
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className={styles.svg}
            role="img"
            aria-labelledby={titleId}
          >
            {ticks.map((tick) => (
              <YTick key={tick} y={y(tick)} text={format(tick)} />
            ))}
            {axisLabels.map((label, i) => (
              <Bucket
                key={`${label}-${i}`}
                x0={M.left + i * band + gap / 2}
                labelX={M.left + i * band + band / 2}
                label={showLabel(i) ? label : null}
                bars={series.map((s) => ({
                  key: s.key,
                  color: s.color,
                  value: s.values[i] ?? 0,
                  title: `${bucketTitles[i] ?? label} — ${s.label}: ${format(s.values[i] ?? 0)}`,
                }))}
                y={y}
                barWidth={barWidth}
              />
            ))}
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
        </>
      )}
    </ChartFigure>
  );
}

/** A horizontal grid line and its value on the y axis. */
function YTick({ y, text }: { y: number; text: string }) {
  return (
    <g>
      <line x1={M.left} x2={W - M.right} y1={y} y2={y} className={styles.grid} />
      <text x={M.left - 6} y={y} className={styles.yLabel} dominantBaseline="middle">
        {text}
      </text>
    </g>
  );
}

/** One time bucket: a column per series side by side, and its label when there is room for it. */
function Bucket({
  x0,
  labelX,
  label,
  bars,
  y,
  barWidth,
}: {
  x0: number;
  labelX: number;
  label: string | null;
  bars: readonly { key: string; color: string; value: number; title: string }[];
  y: (value: number) => number;
  barWidth: number;
}) {
  return (
    <g>
      {bars.map((bar, j) => (
        <rect
          key={bar.key}
          x={x0 + j * barWidth}
          y={y(bar.value)}
          width={barWidth}
          height={Math.max(0, H - M.bottom - y(bar.value))}
          fill={bar.color}
          rx={Math.min(2, barWidth / 2)}
        >
          <title>{bar.title}</title>
        </rect>
      ))}
      {label !== null && (
        <text x={labelX} y={H - 8} className={styles.xLabel}>
          {label}
        </text>
      )}
    </g>
  );
}
