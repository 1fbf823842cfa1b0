"use client";

import { linearScale } from "./scale";
import { useT } from "~/i18n/i18n-provider";
import { ChartFigure } from "./chart-figure";
import { ChartTable } from "./chart-table";
import styles from "./stats.module.css";

export interface BarItem {
  key: string;
  label: string;
  value: number;
  color?: string;
}

const W = 480;
const ROW = 28;
const LABEL_W = 170;
const VALUE_W = 56;

/** Horizontal bars for a breakdown (stages in board order, statuses, types), with a table behind. */
export function BarList({
  title,
  items,
  format,
  valueHeader,
  testId,
}: {
  title: string;
  items: readonly BarItem[];
  format: (value: number) => string;
  valueHeader: string;
  testId?: string;
}) {
  const t = useT("stats");
  const max = Math.max(0, ...items.map((i) => i.value));
  const x = linearScale(max, 0, W - LABEL_W - VALUE_W);
  const total = items.reduce((sum, i) => sum + i.value, 0);
  const height = Math.max(1, items.length) * ROW;

  return (
    <ChartFigure title={title} testId={testId}>
      {(titleId) =>
        items.length === 0 || total === 0 ? (
          <p className="muted">{t.charts.noData}</p>
        ) : (
          <>
            <svg
              viewBox={`0 0 ${W} ${height}`}
              className={styles.svg}
              role="img"
              aria-labelledby={titleId}
            >
              {items.map((item, i) => (
                <Bar
                  key={item.key}
                  item={item}
                  top={i * ROW}
                  width={x(item.value)}
                  format={format}
                />
              ))}
            </svg>
            <ChartTable
              corner={title}
              columns={[{ key: "value", label: valueHeader }]}
              rows={items.map((item) => ({
                key: item.key,
                label: item.label,
                cells: [format(item.value)],
              }))}
            />
          </>
        )
      }
    </ChartFigure>
  );
}

function Bar({
  item,
  top,
  width,
  format,
}: {
  item: BarItem;
  top: number;
  width: number;
  format: (value: number) => string;
}) {
  return (
    <g transform={`translate(0 ${top})`}>
      <title>{`${item.label}: ${format(item.value)}`}</title>
      <text x={0} y={ROW / 2} className={styles.barLabel} dominantBaseline="middle">
        {item.label.length > 24 ? `${item.label.slice(0, 23)}…` : item.label}
      </text>
      <rect
        x={LABEL_W}
        y={5}
        width={W - LABEL_W - VALUE_W}
        height={ROW - 10}
        className={styles.track}
        rx={3}
      />
      <rect
        x={LABEL_W}
        y={5}
        width={Math.max(item.value > 0 ? 2 : 0, width)}
        height={ROW - 10}
        fill={item.color ?? "var(--accent)"}
        rx={3}
      />
      <text x={W} y={ROW / 2} className={styles.barValue} dominantBaseline="middle">
        {format(item.value)}
      </text>
    </g>
  );
}
