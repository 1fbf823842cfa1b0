import type { StatsPeriod } from "@agents-crm/config/stats";

const PERIOD_DAYS: Record<StatsPeriod, number> = { today: 1, last_7_days: 7, last_30_days: 30 };
const DAY_MS = 86_400_000;

export interface TimeWindow {
  from: Date;
  to: Date;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time of an instant in a zone. */
export function localTimeIn(date: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtcMs = (t: LocalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** Offset of the zone from UTC at an instant, in ms (whole seconds). */
function offsetMs(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return asUtcMs(localTimeIn(new Date(whole), timeZone)) - whole;
}

/**
 * The instant a wall-clock time happens in a zone. Around a DST change the offsets a day before and after
 * give two candidates: the earliest one that really shows this wall time wins (a repeated hour counts
 * from its first pass); a time skipped by a gap maps to the instant it would have had before the change
 * (02:30 on a spring-forward night → 03:30), so a day that starts in a gap starts when the gap ends.
 */
export function instantOf(local: LocalTime, timeZone: string): Date {
  const wall = asUtcMs(local);
  const before = wall - offsetMs(wall - DAY_MS, timeZone);
  const after = wall - offsetMs(wall + DAY_MS, timeZone);
  const exact = [before, after].filter(
    (ms) => asUtcMs(localTimeIn(new Date(ms), timeZone)) === wall,
  );
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

export interface PeriodWindows {
  current: TimeWindow;
  /** The same stretch of the previous period: from its first local midnight to the same wall time. */
  previous: TimeWindow;
}

/**
 * `today` runs from local midnight in `timeZone` to now; `last_N_days` from local midnight N-1 days ago
 * (N calendar days including today). The previous window is the period before it up to the same
 * wall-clock time, so "today so far" compares with "yesterday until this time" — across DST changes too.
 */
export function periodWindows(period: StatsPeriod, now: Date, timeZone: string): PeriodWindows {
  const days = PERIOD_DAYS[period];
  const today = localTimeIn(now, timeZone);
  const from = instantOf(midnight(addDays(today, -(days - 1))), timeZone);
  const previousFrom = instantOf(midnight(addDays(today, -(2 * days - 1))), timeZone);
  const previousTo = instantOf(addDays(today, -days), timeZone);
  return {
    current: { from, to: now },
    previous: {
      from: previousFrom,
      to: new Date(
        Math.max(previousFrom.getTime(), Math.min(previousTo.getTime(), from.getTime())),
      ),
    },
  };
}
