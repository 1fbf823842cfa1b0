/**
 * Calendar days ("2026-11-25", as date inputs give them) in the viewer's time zone, on the zone helpers
 * the API's stats use too.
 */
import {
  addDays,
  dayKeyIn,
  dayKeyOf,
  startOfDay as startOfLocalDay,
} from "@agents-crm/config/time-zone";

export { dayKeyIn };

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date a day key names, or null when it names none ("2026-02-30"). */
function dateOf(dayKey: string): { year: number; month: number; day: number } | null {
  const match = DAY_KEY.exec(dayKey);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day
    ? { year, month, day }
    : null;
}

function requireDate(dayKey: string) {
  const date = dateOf(dayKey);
  if (!date) throw new Error(`not a day (YYYY-MM-DD): ${dayKey}`);
  return date;
}

export const isDayKey = (value: string): boolean => dateOf(value) !== null;

/**
 * The first instant of a calendar day in a zone. A day that begins inside a DST gap begins when the
 * gap ends.
 */
export const startOfDay = (dayKey: string, timeZone: string): Date =>
  startOfLocalDay(requireDate(dayKey), timeZone);

/** The day after a day key ("2026-12-31" → "2027-01-01"). */
export function nextDay(dayKey: string): string {
  return dayKeyOf(addDays({ ...requireDate(dayKey), hour: 0, minute: 0, second: 0 }, 1));
}

/** The last millisecond of a calendar day in a zone (inclusive bound for "to"). */
export function endOfDay(dayKey: string, timeZone: string): Date {
  return new Date(startOfDay(nextDay(dayKey), timeZone).getTime() - 1);
}

/** The viewer's zone as the browser reports it (UTC when it cannot tell). */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
