import type { ConversationRow } from "~/features/console/types";
import { compareQueued } from "~/features/triage/queue-order";

/**
 * The inbox order of `conversations.list`: waiting for a human first, in the queue's order (most
 * urgent, then longest waiting), then newest activity (ties by id, newest first, as the activity index
 * sorts `lastActivityAt#conversationId`).
 */
export function compareConversations(a: ConversationRow, b: ConversationRow): number {
  const aWaiting = a.status === "NEEDS_HUMAN";
  const bWaiting = b.status === "NEEDS_HUMAN";
  if (aWaiting !== bWaiting) return aWaiting ? -1 : 1;
  if (aWaiting) return compareQueued(a, b);
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt > b.lastActivityAt ? -1 : 1;
  if (a.conversationId === b.conversationId) return 0;
  return a.conversationId > b.conversationId ? -1 : 1;
}

/** Rows ordered as the server pages them. */
export function sortConversations(rows: readonly ConversationRow[]): ConversationRow[] {
  return [...rows].sort(compareConversations);
}

/**
 * The newer of two copies of the same row. `version` grows with every status/stage write, but new
 * activity (a message) moves only `lastActivityAt`, so that breaks ties; the incoming copy wins a draw.
 */
export function newerRow<T extends Pick<ConversationRow, "version" | "lastActivityAt">>(
  current: T | undefined,
  incoming: T,
): T {
  if (!current) return incoming;
  if (incoming.version !== current.version) {
    return incoming.version > current.version ? incoming : current;
  }
  return incoming.lastActivityAt >= current.lastActivityAt ? incoming : current;
}
