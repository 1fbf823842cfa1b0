import { dayOfWeek, localTimeIn } from "@agents-crm/config/time-zone";
import {
  parseTimeRange,
  weekdayOf,
  WEEKDAYS,
  type AgentConfig,
  type Weekday,
} from "@agents-crm/config/agent-config";

export interface ClinicClock {
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
  /** e.g. "Mon 18:05 (Asia/Dubai)" */
  label: string;
}

export function clinicClock(timeZone: string, now: Date): ClinicClock {
  const local = localTimeIn(now, timeZone);
  const weekday = WEEKDAYS[dayOfWeek(local)] ?? "mon";
  const { hour, minute } = local;
  const day = `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}`;
  const label = `${day} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")} (${timeZone})`;
  return { weekday, minutes: hour * 60 + minute, label };
}

function rangesByDay(config: AgentConfig): Map<Weekday, { start: number; end: number }[]> {
  const out = new Map<Weekday, { start: number; end: number }[]>();
  for (const [key, ranges] of Object.entries(config.working_hours.schedule)) {
    const day = weekdayOf(key);
    if (!day) continue;
    const parsed = (ranges ?? [])
      .map(parseTimeRange)
      .filter((r): r is { start: number; end: number } => r !== null);
    out.set(day, [...(out.get(day) ?? []), ...parsed]);
  }
  return out;
}

/**
 * Whether `now` falls in the agent's schedule, read in its time zone. An empty schedule means
 * always open; days the schedule leaves out are closed; "22:00-02:00" runs past midnight.
 */
export function isWithinWorkingHours(config: AgentConfig, now: Date = new Date()): boolean {
  const schedule = rangesByDay(config);
  if (schedule.size === 0) return true;
  const { weekday, minutes } = clinicClock(config.working_hours.timezone, now);
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7]!;
  const today = schedule.get(weekday) ?? [];
  const openToday = today.some(({ start, end }) =>
    start < end ? minutes >= start && minutes < end : minutes >= start,
  );
  const openFromYesterday = (schedule.get(yesterday) ?? []).some(
    ({ start, end }) => start > end && minutes < end,
  );
  return openToday || openFromYesterday;
}
