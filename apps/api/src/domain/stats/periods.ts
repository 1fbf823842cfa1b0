import type { StatsPeriod } from "@agents-crm/config/stats";
import { addDays, instantOf, localTimeIn, startOfDay } from "@agents-crm/config/time-zone";

const PERIOD_DAYS: Record<StatsPeriod, number> = { today: 1, last_7_days: 7, last_30_days: 30 };

export interface TimeWindow {
  from: Date;
  to: Date;
}

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
  const from = startOfDay(addDays(today, -(days - 1)), timeZone);
  const previousFrom = startOfDay(addDays(today, -(2 * days - 1)), timeZone);
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
