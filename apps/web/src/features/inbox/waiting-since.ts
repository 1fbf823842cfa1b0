import type { ConversationRow } from "~/features/console/types";

/** Since when a NEEDS_HUMAN conversation has waited (older rows lack `needsHumanSince`). */
export function waitingSince(
  row: Pick<ConversationRow, "status" | "needsHumanSince" | "updatedAt">,
) {
  if (row.status !== "NEEDS_HUMAN") return null;
  return row.needsHumanSince ?? row.updatedAt;
}

/** The words of a duration in one language (`conversations.duration` in the dictionaries). */
export interface DurationWords {
  justNow: string;
  seconds: (n: number) => string;
  minutes: (n: number) => string;
  hours: (hours: number, minutes: string) => string;
  days: (days: number, hours: number) => string;
}

/** "just now", "45 s", "12 min", "3 h 05 min", "2 d 4 h": short enough for a table cell. */
export function formatWaiting(sinceIso: string, nowMs: number, words: DurationWords): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return "";
  const seconds = Math.max(0, Math.floor((nowMs - since) / 1000));
  if (seconds < 10) return words.justNow;
  if (seconds < 60) return words.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return words.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return words.hours(hours, String(minutes % 60).padStart(2, "0"));
  const days = Math.floor(hours / 24);
  return words.days(days, hours % 24);
}

/** How urgent the wait looks: the row's colour gets stronger past these marks. */
export function waitingLevel(sinceIso: string, nowMs: number): "fresh" | "waiting" | "overdue" {
  const minutes = (nowMs - Date.parse(sinceIso)) / 60_000;
  if (!(minutes >= 5)) return "fresh";
  return minutes >= 15 ? "overdue" : "waiting";
}

/** "just now" / "12 min ago" for a last-activity column. */
export function formatAgo(
  iso: string,
  nowMs: number,
  words: DurationWords & { ago: (duration: string) => string },
): string {
  const elapsed = formatWaiting(iso, nowMs, words);
  return elapsed === words.justNow || elapsed === "" ? elapsed : words.ago(elapsed);
}
