import { z } from "zod";

/** A conversation's status, in the order staff attend to them (waiting for a human first). */
export const CONVERSATION_STATUSES = [
  "NEEDS_HUMAN",
  "HUMAN_ACTIVE",
  "AI_ACTIVE",
  "RESOLVED",
  "CLOSED",
] as const;
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

/** Statuses staff can still act on (take over, reply, resolve); RESOLVED and CLOSED are done. */
export const OPEN_CONVERSATION_STATUSES = [
  "NEEDS_HUMAN",
  "HUMAN_ACTIVE",
  "AI_ACTIVE",
] as const satisfies readonly ConversationStatus[];

/**
 * Where a human owns the conversation, so staff may snooze it: waiting for one, or handled by one. A
 * snooze is no status: it keeps the conversation out of its status's queue and counter (in Snoozed)
 * until its time or the customer's next message, and it wakes in the status it was snoozed in.
 */
export const SNOOZABLE_STATUSES = [
  "NEEDS_HUMAN",
  "HUMAN_ACTIVE",
] as const satisfies readonly ConversationStatus[];
export const isSnoozable = (status: ConversationStatus): boolean =>
  (SNOOZABLE_STATUSES as readonly ConversationStatus[]).includes(status);

/** The longest snooze: past it a reminder is a task, not a snooze. */
export const MAX_SNOOZE_DAYS = 90;

/** One message a person writes: a visitor in the web chat, staff in a reply, the admin in the playground. */
export const MAX_MESSAGE_CHARS = 10_000;
/** Why staff hand a conversation to a human. */
export const MAX_HANDOFF_REASON = 500;
/** The inbox's free-text search. */
export const MAX_CONVERSATION_SEARCH = 200;

/**
 * The inbox's views by who handles a conversation: the caller's own, nobody's, or one colleague's (a
 * staff user id). Absent: everyone's.
 */
export const conversationAssigneeFilterSchema = z.union([
  z.literal("me"),
  z.literal("unassigned"),
  z.string().trim().min(1).max(512),
]);
export type ConversationAssigneeFilter = z.infer<typeof conversationAssigneeFilterSchema>;
