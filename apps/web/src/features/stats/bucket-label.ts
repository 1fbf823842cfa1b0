import type { Locale } from "~/i18n/locales";

const TAGS: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

/** A series bucket's axis label in the viewer's zone: "14:00" for hours, "25 Nov" for days. */
export function bucketLabel(
  locale: Locale,
  iso: string,
  bucket: "hour" | "day",
  timeZone: string,
): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === "hour"
      ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }
      : { day: "numeric", month: "short", timeZone };
  return new Intl.DateTimeFormat(TAGS[locale], options).format(new Date(iso));
}

/** The longer form for a tooltip: "Wed 25 Nov, 14:00–15:00" / "Wednesday 25 November". */
export function bucketTitle(
  locale: Locale,
  iso: string,
  bucket: "hour" | "day",
  timeZone: string,
): string {
  if (bucket === "day") {
    return new Intl.DateTimeFormat(TAGS[locale], {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone,
    }).format(new Date(iso));
  }
  const start = new Date(iso);
  const end = new Date(start.getTime() + 3_600_000);
  const day = new Intl.DateTimeFormat(TAGS[locale], {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone,
  }).format(start);
  const time = (d: Date) =>
    new Intl.DateTimeFormat(TAGS[locale], {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(d);
  return `${day}, ${time(start)}–${time(end)}`;
}
