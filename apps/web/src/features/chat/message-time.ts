import { dayKeyIn } from "@agents-crm/config/time-zone";

/**
 * A message's time in the visitor's locale and time zone (both undefined = the browser's): the time
 * alone today, the date too before that, and the year when it is not this year's.
 */
export function formatMessageTime(
  iso: string,
  options: { locale?: string; timeZone?: string; now?: Date } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const { locale, timeZone } = options;
  const now = options.now ?? new Date();
  const time: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", timeZone };
  // Days in that zone (undefined: the browser's).
  const day = dayKeyIn(date, timeZone);
  const today = dayKeyIn(now, timeZone);
  if (day === today) return new Intl.DateTimeFormat(locale, time).format(date);
  const thisYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    ...time,
    day: "numeric",
    month: "short",
    ...(thisYear ? {} : { year: "numeric" }),
  }).format(date);
}

/** The full date and time, for a tooltip. */
export function fullMessageTime(
  iso: string,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(date);
}
