import type { Locale } from "~/i18n/locales";

const TAGS: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

/** "Wednesday 25 November 2026" for a day key, whatever zone the code runs in. */
export function formatDayKey(locale: Locale, dayKey: string): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)),
  );
}

/** "14:05:09" in the viewer's zone. */
export function formatTimeIn(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(iso));
}
