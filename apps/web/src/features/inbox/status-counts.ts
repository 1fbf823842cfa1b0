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
  return row.status === "NEEDS_HUMAN" && snoozed ? "SNOOZED" : row.status;
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
 * The totals after an admin event's row. A row moves a conversation between statuses only when its
 * previous status is known (seen in an earlier event, or `created`: the event created it, so it was
 * in no total before); otherwise the totals are read again. So is every change that arrives while a
 * read is on its way (`reading`), since that read may or may not include it.
 */
export function countRowChange(
  known: KnownRows,
  totals: StatusTotals | null,
  row: ConversationRow,
  created: boolean,
  reading: boolean,
): CountedChange {
  const previous = known.get(row.conversationId);
  const next = newerRow(previous, slim(row));
  if (next === previous) return { known, reread: false };
  const updated = new Map(known);
  updated.set(next.conversationId, next);
  const from = previous ? bucketOf(previous) : created ? null : undefined;
  if (from === undefined || totals === null) return { known: updated, reread: true };
  const to = bucketOf(next);
  if (from === to) return { known: updated, reread: false };
  return { known: updated, totals: moved(totals, from, to), reread: reading };
}

export interface StatusCount {
  value: number;
  loaded: boolean;
}

export function countOf(totals: StatusTotals | null, status: CountBucket): StatusCount {
  return { value: totals?.[status] ?? 0, loaded: totals !== null };
}
