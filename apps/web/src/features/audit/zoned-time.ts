/** Calendar days in a time zone, without a date library: Intl knows the zone rules. */

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const parts = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = parts.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    parts.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(ms: number, timeZone: string) {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    ms: Date.UTC(
      out.year ?? 1970,
      (out.month ?? 1) - 1,
      out.day ?? 1,
      out.hour ?? 0,
      out.minute ?? 0,
      out.second ?? 0,
    ),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-11-25": the calendar day an instant falls on in a zone. */
export function dayKeyIn(instant: Date | string | number, timeZone: string): string {
  const { year, month, day } = wallClock(new Date(instant).getTime(), timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isDayKey(value: string): boolean {
  const match = DAY_KEY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
}

/**
 * The first instant of a calendar day in a zone. A day that begins inside a DST gap begins when the
 * gap ends; the offset is taken from just before and after midnight so either side of a change works.
 */
export function startOfDay(dayKey: string, timeZone: string): Date {
  if (!isDayKey(dayKey)) throw new Error(`not a day (YYYY-MM-DD): ${dayKey}`);
  const [y, m, d] = dayKey.split("-").map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const candidates = [wall - 86_400_000, wall + 86_400_000].map((probe) => {
    const offset =
      wallClock(Math.floor(probe / 1000) * 1000, timeZone).ms - Math.floor(probe / 1000) * 1000;
    return wall - offset;
  });
  const exact = candidates.filter(
    (ms) => dayKeyIn(ms, timeZone) === dayKey && wallClock(ms, timeZone).ms === wall,
  );
  if (exact.length > 0) return new Date(Math.min(...exact));
  // Midnight was skipped: the day starts at the earliest candidate that already belongs to it.
  const inDay = candidates.filter((ms) => dayKeyIn(ms, timeZone) === dayKey);
  return new Date(inDay.length > 0 ? Math.min(...inDay) : Math.min(...candidates));
}

/** The day after a day key ("2026-12-31" → "2027-01-01"). */
export function nextDay(dayKey: string): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  const next = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
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
