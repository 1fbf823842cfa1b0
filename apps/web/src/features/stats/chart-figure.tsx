"use client";

import { useId, type ReactNode } from "react";
import styles from "./stats.module.css";

/** A chart's frame: its caption, which also names the chart's image (`aria-labelledby`). */
export function ChartFigure({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: (titleId: string) => ReactNode;
}) {
  const titleId = useId();
  return (
    <figure className={styles.chart} data-testid={testId}>
      <figcaption id={titleId} className={styles.chartTitle}>
        {title}
      </figcaption>
      {children(titleId)}
    </figure>
  );
}

/** Which colour is which series (the table under the chart says it to screen readers). */
export function Legend({
  items,
}: {
  items: readonly { key: string; label: string; color: string }[];
}) {
  return (
    <ul className={styles.legend} aria-hidden="true">
      {items.map((item) => (
        <li key={item.key}>
          <span className={styles.swatch} style={{ background: item.color }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
