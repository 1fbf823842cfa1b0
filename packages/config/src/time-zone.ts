/**
 * Wall-clock time in an IANA time zone without a date library: Intl knows the zone rules. Used by the
 * stats periods, the agents' working hours and the console's day filters. No Node APIs, so the browser
 * may import it too.
 */

/** What a clock in some zone shows; `month` is 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone ?? "");
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone ?? "", formatter);
  }
  return formatter;
}

/** The wall-clock time of an instant in a zone (undefined: the runtime's own, e.g. the browser's). */
export function localTimeIn(instant: Date | number, timeZone: string | undefined): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines say 24 for midnight even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-11-25": a local date as a day key (ISO 8601, so day keys sort as days do). */
export const dayKeyOf = ({ year, month, day }: Pick<LocalTime, "year" | "month" | "day">) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The day key of the calendar day an instant falls on in a zone (undefined: the runtime's own). */
export const dayKeyIn = (instant: Date | number | string, timeZone: string | undefined): string =>
  dayKeyOf(localTimeIn(new Date(instant), timeZone));

/** 0 (Sunday) – 6 (Saturday): the day of the week of a local date. */
export const dayOfWeek = (local: LocalTime): number =>
  new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();

/** A wall-clock time read as if it were UTC: the arithmetic base for offsets. */
const asUtcMs = (t: LocalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The zone's offset from UTC at an instant, in ms (whole seconds: Intl shows no milliseconds). */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const whole = Math.floor(new Date(instant).getTime() / 1000) * 1000;
  return asUtcMs(localTimeIn(whole, timeZone)) - whole;
}

/**
 * The instant a wall-clock time happens in a zone. Around a DST change the offsets a day before and after
 * give two candidates: the earliest one that really shows this wall time wins (a repeated hour counts
 * from its first pass); a time skipped by a gap maps to the instant it would have had before the change
 * (02:30 on a spring-forward night → 03:30), so a day that starts in a gap starts when the gap ends.
 */
export function instantOf(local: LocalTime, timeZone: string): Date {
  const wall = asUtcMs(local);
  const before = wall - zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = wall - zoneOffsetMs(wall + DAY_MS, timeZone);
  const exact = [before, after].filter((ms) => asUtcMs(localTimeIn(ms, timeZone)) === wall);
  return new Date(exact.length > 0 ? Math.min(...exact) : before);
}

/** Calendar arithmetic on a local date (months and years roll over). */
export function addDays(local: LocalTime, days: number): LocalTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const midnight = (local: LocalTime): LocalTime => ({
  ...local,
  hour: 0,
  minute: 0,
  second: 0,
});

/** The first instant of a calendar day in a zone (when a DST gap swallows midnight: the gap's end). */
export const startOfDay = (day: Pick<LocalTime, "year" | "month" | "day">, timeZone: string) =>
  instantOf({ ...day, hour: 0, minute: 0, second: 0 }, timeZone);
