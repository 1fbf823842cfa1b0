"use client";

import { linearScale, niceTicks } from "./scale";
import type { StatsSummary } from "./types";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { ChartFigure, Legend } from "./chart-figure";
import { ChartTable } from "./chart-table";
import styles from "./stats.module.css";

type Percentiles = NonNullable<StatsSummary["llm"]["latencyMs"]>;
const MEASURES = ["p50", "p95", "avg", "max"] as const;
const W = 480;
const ROW = 22;
const LABEL_W = 150;
const COLORS = { reply: "var(--accent)", llm: "#8fb9ab" };

/** Reply time and LLM call time side by side: median, p95, average and the slowest turn. */
export function LatencyChart({ llm }: { llm: StatsSummary["llm"] }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const rows: { key: "reply" | "llm"; label: string; values: Percentiles | null }[] = [
    { key: "reply", label: t.latency.reply, values: llm.latencyMs },
    { key: "llm", label: t.latency.llm, values: llm.llmLatencyMs },
  ];
  const ms = (n: number) => t.latency.ms(formatNumber(locale, n));
  const max = Math.max(
    0,
    ...rows.flatMap((r) => (r.values ? MEASURES.map((m) => r.values?.[m] ?? 0) : [])),
  );
  const ticks = niceTicks(max, 3);
  const x = linearScale(ticks[ticks.length - 1] ?? 1, LABEL_W, W - 8);
  const height = MEASURES.length * (ROW * 2 + 8) + 16;

  return (
    <ChartFigure title={t.charts.latency} testId="stats-latency">
      {(titleId) =>
        !llm.latencyMs ? (
          <p className="muted">{t.charts.noLatency}</p>
        ) : (
          <>
            <Legend items={rows.map((r) => ({ ...r, color: COLORS[r.key] }))} />
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
                    {formatNumber(locale, tick)}
                  </text>
                </g>
              ))}
              {MEASURES.map((measure, i) => (
                <g key={measure} transform={`translate(0 ${i * (ROW * 2 + 8)})`}>
                  <text x={0} y={ROW} className={styles.barLabel} dominantBaseline="middle">
                    {t.latency[measure]}
                  </text>
                  {rows.map((r, j) => {
                    const value = r.values?.[measure] ?? 0;
                    return (
                      <rect
                        key={r.key}
                        x={LABEL_W}
                        y={j * ROW + 3}
                        width={Math.max(0, x(value) - LABEL_W)}
                        height={ROW - 6}
                        fill={COLORS[r.key]}
                        rx={3}
                      >
                        <title>{`${r.label}, ${t.latency[measure]}: ${ms(value)}`}</title>
                      </rect>
                    );
                  })}
                </g>
              ))}
            </svg>
            <ChartTable
              corner={t.latency.metric}
              columns={rows}
              rows={MEASURES.map((measure) => ({
                key: measure,
                label: t.latency[measure],
                cells: rows.map((r) => (r.values ? ms(r.values[measure]) : "—")),
              }))}
            />
          </>
        )
      }
    </ChartFigure>
  );
}
