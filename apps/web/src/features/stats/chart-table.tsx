"use client";

import { useT } from "~/i18n/i18n-provider";
import styles from "./stats.module.css";

/** A chart's numbers as a table, folded under it: what a screen reader (or a careful reader) reads. */
export function ChartTable({
  corner,
  columns,
  rows,
}: {
  /** The header over the rows' names. */
  corner: string;
  columns: readonly { key: string; label: string }[];
  rows: readonly { key: string; label: string; cells: readonly string[] }[];
}) {
  const t = useT("stats");
  return (
    <details className={styles.tableToggle}>
      <summary>{t.charts.table}</summary>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={columns[i]?.key ?? i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
