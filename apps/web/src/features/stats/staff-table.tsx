"use client";

import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { Table } from "~/ui/table";
import { formatDuration } from "./duration";
import type { StatsHumans } from "./types";
import styles from "./stats.module.css";

type StaffRow = StatsHumans["staff"][number];

/** Who handled what in the period: busiest first; accounts removed or deactivated say "former staff". */
export function StaffTable({ staff }: { staff: readonly StaffRow[] }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const words = t.humans.staff;
  const nameOf = (row: StaffRow) =>
    row.name === null ? words.former : row.former ? words.formerNamed(row.name) : row.name;
  // On a phone the header goes: each cell says what it counts.
  const cell = (label: string, value: string) => (
    <>
      <span className={styles.cellLabel}>{label}: </span>
      {value}
    </>
  );
  return (
    <section className={styles.staff} aria-labelledby="stats-staff-title">
      <h3 id="stats-staff-title" className={styles.chartTitle}>
        {words.title}
      </h3>
      {staff.length === 0 ? (
        <p className="muted" data-testid="stats-staff-empty">
          {words.empty}
        </p>
      ) : (
        <Table data-testid="stats-staff">
          <thead>
            <tr>
              <th scope="col">{words.name}</th>
              <th scope="col">{words.handled}</th>
              <th scope="col">{words.resolved}</th>
              <th scope="col">{words.firstResponse}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((row) => (
              <tr key={row.staffId} data-active={row.former ? "false" : undefined}>
                <th scope="row">{nameOf(row)}</th>
                <td>{cell(words.handled, formatNumber(locale, row.handled))}</td>
                <td>{cell(words.resolved, formatNumber(locale, row.resolved))}</td>
                <td>
                  {cell(
                    words.firstResponse,
                    row.firstResponseMs
                      ? formatDuration(row.firstResponseMs.median, locale, t.humans.duration)
                      : "—",
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
