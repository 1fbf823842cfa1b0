import type { Locale } from "./locales";

const TAGS: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

export function formatDateTime(locale: Locale, value: Date | string | number): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(value),
  );
}

export function formatDay(locale: Locale, value: Date | string | number): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "full" }).format(new Date(value));
}

export function formatNumber(locale: Locale, value: number, digits = 0): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: digits }).format(value);
}

export function formatUsd(locale: Locale, value: number): string {
  return new Intl.NumberFormat(TAGS[locale], {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: value !== 0 && Math.abs(value) < 1 ? 4 : 2,
  }).format(value);
}

/** The BCP 47 tag these formatters use for a language (British English: 24-hour clock, day first). */
export const intlTag = (locale: Locale): string => TAGS[locale];
