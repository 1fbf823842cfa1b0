import { parseTimeRange } from "@agents-crm/config/agent-config";

/** One entry per line; blank lines and surrounding spaces do not count. */
export function linesToList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function listToLines(list: unknown): string {
  return Array.isArray(list) ? list.map(String).join("\n") : "";
}

/** "en, ru" → ["en", "ru"]. */
export function commaList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A day's opening ranges written as "09:00-13:00, 14:00-18:00"; blank means closed. */
export function rangesToText(ranges: unknown): string {
  return Array.isArray(ranges) ? ranges.map(String).join(", ") : "";
}

export function textToRanges(text: string): string[] {
  return commaList(text).map((range) => range.replace(/\s+/g, ""));
}

/** The ranges of a day's text the schema would refuse (shown before the user saves). */
export function badRanges(text: string): string[] {
  return textToRanges(text).filter((range) => parseTimeRange(range) === null);
}
