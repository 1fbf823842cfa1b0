import type { Locale } from "~/i18n/locales";
import { formatNumber } from "~/i18n/format";
import type { stats } from "./messages";

type DurationWords = (typeof stats)["en"]["humans"]["duration"];

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h": a staff duration short enough for a card or a cell. */
export function formatDuration(ms: number, locale: Locale, words: DurationWords): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const n = (v: number) => formatNumber(locale, v);
  if (seconds < 60) return words.seconds(n(seconds));
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return words.minutes(n(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return words.hours(n(hours), String(minutes % 60).padStart(2, "0"));
  return words.days(n(Math.floor(hours / 24)), n(hours % 24));
}
