import type { AdminEvent, ConversationRow } from "~/features/console/types";

/**
 * A colleague assigned a conversation to the viewer: the row and who did it. Not the viewer's own
 * assignment or take-over (they know), and not an assignment to someone else.
 */
export function assignedToViewer(
  event: AdminEvent,
  viewerId: string,
): { conversation: ConversationRow; actorId: string | null } | null {
  if (event.type !== "conversation.updated" || event.payload.change !== "assigned") return null;
  const { conversation, actorId } = event.payload;
  if (conversation.assigneeId !== viewerId || actorId === viewerId) return null;
  return { conversation, actorId };
}
