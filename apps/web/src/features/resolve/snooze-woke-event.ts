import type { AdminEvent, ConversationRow } from "~/features/console/types";

/**
 * A snooze of a conversation a human handles ended without the viewer ending it (its time ran out, or
 * the customer wrote): the row, when the viewer is the one to tell — its assignee, or anyone while it
 * has none. One waiting for a human is not told here: its wake-up is re-alerted as an escalation.
 */
export function snoozeWokeForViewer(event: AdminEvent, viewerId: string): ConversationRow | null {
  if (event.type !== "conversation.updated" || event.payload.change !== "snooze_ended") return null;
  const { conversation, actorId } = event.payload;
  if (actorId === viewerId || conversation.status === "NEEDS_HUMAN") return null;
  if (conversation.assigneeId && conversation.assigneeId !== viewerId) return null;
  return conversation;
}
