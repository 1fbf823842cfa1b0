import { dayKeyIn } from "~/lib/zoned-time";

export interface DayGroup<T> {
  /** "2026-11-25" in the viewer's zone. */
  day: string;
  items: T[];
}

/** Consecutive entries of one calendar day (in `timeZone`) under one header, in the order given. */
export function groupByDay<T extends { timestamp: string }>(
  entries: readonly T[],
  timeZone: string,
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const entry of entries) {
    const day = dayKeyIn(entry.timestamp, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(entry);
    else groups.push({ day, items: [entry] });
  }
  return groups;
}
