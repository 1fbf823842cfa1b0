import { eventIdTime } from "@agents-crm/config/event-ids";
import { isSnoozable } from "@agents-crm/config/conversations";
import { newerRow } from "./conversation-order";
import type { ConversationRow, ConversationStatus } from "~/features/console/types";

export const COUNTED_STATUSES = ["NEEDS_HUMAN", "AI_ACTIVE", "HUMAN_ACTIVE"] as const;
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

/** What a conversation is counted as: its status, or SNOOZED while a snooze keeps it out of the queue. */
export type CountBucket = ConversationStatus | "SNOOZED";

type Counted = Pick<
  ConversationRow,
  "conversationId" | "status" | "version" | "lastActivityAt" | "snoozedUntil"
>;

/** Exact totals from `conversations.counts` (the query cache holds them); null until the first read. */
export type StatusTotals = Readonly<Record<CountBucket, number>>;

export function bucketOf(row: Counted, now = Date.now()): CountBucket {
  const snoozed = row.snoozedUntil !== undefined && Date.parse(row.snoozedUntil) > now;
  return isSnoozable(row.status) && snoozed ? "SNOOZED" : row.status;
}

/** The newest copy of every conversation an event mentioned since the console opened. */
export type KnownRows = ReadonlyMap<string, Counted>;

export interface CountedChange {
  known: KnownRows;
  /** The totals after the change, when it could be counted; undefined when they stay as they are. */
  totals?: StatusTotals;
  /** The totals may be off: read them again. */
  reread: boolean;
}

const slim = (row: Counted): Counted => ({
  conversationId: row.conversationId,
  status: row.status,
  version: row.version,
  lastActivityAt: row.lastActivityAt,
  snoozedUntil: row.snoozedUntil,
});

function moved(totals: StatusTotals, from: CountBucket | null, to: CountBucket): StatusTotals {
  const next = { ...totals };
  if (from) next[from] = Math.max(0, next[from] - 1);
  next[to] += 1;
  return next;
}

/**
 * The last read of the totals, in this browser's clock: started, and ended once its answer is in the
 * cache (undefined while it is on its way).
 */
export interface ReadWindow {
  startedAt: number;
  endedAt?: number;
}

/**
 * Room for the server's clock against this one (the console already assumes they agree within its
 * replay window) and for a change being written a moment before its event is published.
 */
export const READ_MARGIN_MS = 2_000;

/**
 * Where an event stands against the last read: `counted` happened before it (the totals include it),
 * `unsure` around it (they may or may not), `new` after it (they do not).
 */
export type EventTiming = "counted" | "unsure" | "new";

export function eventTiming(eventId: string, read: ReadWindow | null): EventTiming {
  if (!read || read.endedAt === undefined) return "unsure";
  const at = eventIdTime(eventId);
  if (at < read.startedAt - READ_MARGIN_MS) return "counted";
  return at <= read.endedAt + READ_MARGIN_MS ? "unsure" : "new";
}

/**
 * The totals after an admin event's row. Only a `new` event moves them, and only when the
 * conversation's previous status is known (seen in an earlier event, or `created`: the event created
 * it, so it was in no total before); a `counted` one is already in them (a replay from before the
 * read, as when the console opens or reconnects), and anything else has them read again.
 */
export function countRowChange(
  known: KnownRows,
  totals: StatusTotals | null,
  row: ConversationRow,
  created: boolean,
  timing: EventTiming,
): CountedChange {
  const previous = known.get(row.conversationId);
  const next = newerRow(previous, slim(row));
  if (next === previous) return { known, reread: false };
  const updated = new Map(known);
  updated.set(next.conversationId, next);
  if (timing === "counted") return { known: updated, reread: false };
  const from = previous ? bucketOf(previous) : created ? null : undefined;
  const to = bucketOf(next);
  if (from === to) return { known: updated, reread: false };
  if (from === undefined || totals === null || timing === "unsure") {
    return { known: updated, reread: true };
  }
  return { known: updated, totals: moved(totals, from, to), reread: false };
}

export interface StatusCount {
  value: number;
  loaded: boolean;
}

export function countOf(totals: StatusTotals | null, status: CountBucket): StatusCount {
  return { value: totals?.[status] ?? 0, loaded: totals !== null };
}
