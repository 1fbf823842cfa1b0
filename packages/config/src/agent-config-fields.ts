import { z } from "zod";

/** Agent ids appear in URLs, table keys and webhook paths. */
export const MAX_AGENT_ID = 100;
export const AGENT_ID_PATTERN = new RegExp(`^[a-zA-Z0-9_-]{1,${MAX_AGENT_ID}}$`);

const NUMERIC_TEXT = /^\s*-?\d+(?:\.\d+)?\s*$/;

// YAML authors sometimes quote numbers ("0.2"); accept them so an existing document imports unchanged.
const numberLike = z.union([
  z.number(),
  z.string().regex(NUMERIC_TEXT, "must be a number").transform(Number),
]);

export function numberIn(min: number, max: number) {
  return numberLike.pipe(z.number().min(min).max(max));
}

export function intIn(min: number, max: number) {
  return numberLike.pipe(z.number().int().min(min).max(max));
}

export const nonBlank = (what: string) =>
  z.string().refine((value) => value.trim().length > 0, `${what} must not be empty`);

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Schedule keys may be written "mon" or "monday" (any case). */
export function weekdayOf(key: string): Weekday | null {
  const short = key.trim().toLowerCase().slice(0, 3);
  const day = WEEKDAYS.find((d) => d === short);
  if (!day) return null;
  const full = key.trim().toLowerCase();
  const names: Record<Weekday, string> = {
    sun: "sunday",
    mon: "monday",
    tue: "tuesday",
    wed: "wednesday",
    thu: "thursday",
    fri: "friday",
    sat: "saturday",
  };
  return full === day || full === names[day] ? day : null;
}

const TIME_RANGE = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/;

/** "09:00-18:00" → minutes since midnight; an end before the start runs past midnight. */
export function parseTimeRange(text: string): { start: number; end: number } | null {
  const match = TIME_RANGE.exec(text.trim());
  if (!match) return null;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || m1 > 59 || m2 > 59 || h2 > 24 || (h2 === 24 && m2 !== 0)) return null;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return start === end ? null : { start, end };
}

export const timeRange = z
  .string()
  .refine((value) => parseTimeRange(value) !== null, 'must be a time range "HH:MM-HH:MM"');

export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .refine(isValidTimeZone, "must be an IANA time zone (e.g. Asia/Dubai)");

/** Any JSON-ish object kept as written: the reference typed these sections as free-form dicts. */
export const freeForm = z.record(z.string(), z.unknown());

/** A customer-facing text: one text, or one per language code (`{ en: "...", ru: "..." }`). */
export const localizedText = z.union([z.string(), z.record(z.string(), z.string())]);
