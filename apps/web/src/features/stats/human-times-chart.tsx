"use client";

import { linearScale, niceTicks } from "./scale";
import type { HumanDurations, StatsHumans } from "./types";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { ChartFigure, Legend } from "./chart-figure";
import { ChartTable } from "./chart-table";
import { formatDuration } from "./duration";
import styles from "./stats.module.css";

const W = 480;
const ROW = 22;
/** Each measure's name sits on its own line above its bars: long names (Russian) never run under them. */
const GROUP = ROW * 3 + 8;
const LEFT = 4;
const MIN = 60_000;
const SERIES = [
  { key: "median", color: "var(--accent)" },
  { key: "p90", color: "#8fb9ab" },
] as const;

/** Escalation → take-over, first staff reply and time to resolve: median and p90 side by side. */
export function HumanTimesChart({ data }: { data: StatsHumans }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const words = t.humans;
  const time = (ms: number) => formatDuration(ms, locale, words.duration);
  const rows: { key: string; label: string; values: HumanDurations | null }[] = [
    { key: "takeover", label: words.charts.takeover, values: data.escalationToTakeoverMs },
    { key: "first", label: words.charts.first, values: data.firstResponseMs },
    { key: "resolve", label: words.charts.resolve, values: data.timeToResolveMs },
  ];
  const series = SERIES.map((s) => ({ ...s, label: words.charts[s.key] }));
  // The axis counts minutes, so its steps read as whole minutes, hours or days.
  const maxMinutes = Math.max(0, ...rows.flatMap((r) => (r.values ? [r.values.p90 / MIN] : [])));
  const ticks = niceTicks(maxMinutes, 3);
  const x = linearScale(ticks[ticks.length - 1] ?? 1, LEFT, W - 24);
  const height = rows.length * GROUP + 16;

  return (
    <ChartFigure title={words.charts.times} testId="stats-human-times">
      {(titleId) =>
        rows.every((r) => r.values === null) ? (
          <p className="muted">{words.charts.noTimes}</p>
        ) : (
          <>
            <Legend items={series} />
            <svg
              viewBox={`0 0 ${W} ${height}`}
              className={styles.svg}
              role="img"
              aria-labelledby={titleId}
            >
              {ticks.map((tick) => (
                <g key={tick}>
                  <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 16} className={styles.grid} />
                  <text x={x(tick)} y={height - 2} className={styles.xLabel}>
                    {time(tick * MIN)}
                  </text>
                </g>
              ))}
              {rows.map((row, i) => (
                <g key={row.key} transform={`translate(0 ${i * GROUP})`}>
                  <text x={LEFT} y={ROW / 2} className={styles.barLabel} dominantBaseline="middle">
                    {row.label}
                  </text>
                  {series.map((s, j) => {
                    const ms = row.values?.[s.key] ?? 0;
                    return (
                      <rect
                        key={s.key}
                        x={LEFT}
                        y={(j + 1) * ROW + 3}
                        width={Math.max(0, x(ms / MIN) - LEFT)}
                        height={ROW - 6}
                        fill={s.color}
                        rx={3}
                      >
                        <title>{`${row.label}, ${s.label}: ${row.values ? time(ms) : "—"}`}</title>
                      </rect>
                    );
                  })}
                </g>
              ))}
            </svg>
            <ChartTable
              corner={words.charts.measure}
              columns={series}
              rows={rows.map((row) => ({
                key: row.key,
                label: row.label,
                cells: series.map((s) => (row.values ? time(row.values[s.key]) : "—")),
              }))}
            />
          </>
        )
      }
    </ChartFigure>
  );
}
