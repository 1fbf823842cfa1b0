import type { Channel } from "@agents-crm/config/channels";
import {
  isSnoozable,
  type ConversationAssigneeFilter,
  type ConversationStatus,
} from "@agents-crm/config/conversations";
import { UNREAD_COUNT_CAP, UNREAD_HORIZON_DAYS } from "@agents-crm/config/triage";
import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { notFound } from "../errors";
import { assigneeFilters } from "./assignee-views";
import { publishAdminTransient, type AdminEvent } from "./events";
import type { StaffContext } from "./staff-context";

const HORIZON_MS = UNREAD_HORIZON_DAYS * 24 * 60 * 60 * 1000;

/**
 * Whether a customer's message waits unseen by the reader: newer than their read marker and within the
 * unread horizon (older customer messages are history, and their markers have expired).
 */
export function isUnread(
  conversation: Pick<Conversation, "lastCustomerMessageAt">,
  readAt: string | undefined,
  now: Date,
): boolean {
  const last = conversation.lastCustomerMessageAt;
  if (!last || Date.parse(last) < now.getTime() - HORIZON_MS) return false;
  return readAt === undefined || last > readAt;
}

/**
 * A row with the reader's own unread mark. Optional in the type: the same rows travel on the admin
 * stream to every reader without it, and consoles merge both.
 */
export type WithUnread<T> = T & { unread?: boolean };

/** Adds the reader's `unread` flag to rows: one batched read of their markers. */
export async function withUnread<
  T extends Pick<Conversation, "conversationId" | "lastCustomerMessageAt">,
>(
  deps: Pick<ApiDeps, "repos">,
  readerId: string,
  rows: readonly T[],
  now = new Date(),
): Promise<WithUnread<T>[]> {
  const candidates = rows.filter((row) => isUnread(row, undefined, now));
  const read = await deps.repos.readMarkers.readTimes(
    readerId,
    candidates.map((row) => row.conversationId),
  );
  return rows.map((row) => ({ ...row, unread: isUnread(row, read.get(row.conversationId), now) }));
}

export interface UnreadFilters {
  agentId?: string;
  channel?: Channel;
  stage?: string;
  /** The Mine / Unassigned / a colleague's view, as in `conversations.list`; absent: everyone's. */
  assignee?: ConversationAssigneeFilter;
}

export interface UnreadCounts {
  /** Unread conversations in the view, all statuses. */
  total: number;
  /** Per status, without the snoozed ones, which are SNOOZED (as `conversations.counts`). */
  byStatus: Partial<Record<ConversationStatus | "SNOOZED", number>>;
  /** More conversations were active than one count reads: the numbers are "at least". */
  capped: boolean;
}

/**
 * The reader's unread conversations in a view (the list's filters), per status for the inbox tabs: the
 * view's conversations active within the unread horizon, newest first, at most UNREAD_COUNT_CAP, and
 * the reader's markers for them — one Query and one batched read, never a scan.
 */
export async function unreadCounts(
  ctx: StaffContext,
  filters: UnreadFilters,
  now = new Date(),
): Promise<UnreadCounts> {
  const { repos } = ctx.deps;
  const { assignee, ...rest } = filters;
  const recent = await repos.conversations.listActiveSince(
    { ...rest, ...assigneeFilters(assignee, ctx.principal) },
    new Date(now.getTime() - HORIZON_MS),
    UNREAD_COUNT_CAP,
  );
  const rows = await withUnread(ctx.deps, ctx.principal.id, recent.items, now);
  const byStatus: UnreadCounts["byStatus"] = {};
  let total = 0;
  for (const row of rows) {
    if (!row.unread) continue;
    total++;
    const snoozed =
      isSnoozable(row.status) &&
      row.snoozedUntil !== undefined &&
      Date.parse(row.snoozedUntil) > now.getTime();
    const bucket = snoozed ? "SNOOZED" : row.status;
    byStatus[bucket] = (byStatus[bucket] ?? 0) + 1;
  }
  return { total, byStatus, capped: recent.more };
}

/**
 * The caller opened the conversation: everything the customer wrote until now is read, for them only.
 * Their other consoles hear it live (a transient event; a console that missed it reads the list again).
 */
export async function markRead(
  ctx: StaffContext,
  input: { conversationId: string },
): Promise<{ conversationId: string; readAt: string }> {
  const { repos, hub } = ctx.deps;
  const conversation = await repos.conversations.get(input.conversationId);
  if (!conversation) throw notFound("Conversation not found");
  const readAt = await repos.readMarkers.markRead(ctx.principal.id, input.conversationId);
  await publishAdminTransient(hub, {
    type: "conversation.read",
    payload: { conversationId: input.conversationId, userId: ctx.principal.id, readAt },
  });
  return { conversationId: input.conversationId, readAt };
}

/** Read marks are personal: a console hears only its own user's. */
export function isSomeoneElsesRead(event: AdminEvent, userId: string): boolean {
  return event.type === "conversation.read" && event.payload.userId !== userId;
}
