import type { AdminEvent } from "~/features/console/types";

export interface MentionAlert {
  conversationId: string;
  author: string;
  text: string;
  url: string;
}

const MAX_TEXT = 160;

/**
 * A note that newly mentions `userId` (by someone else: a new note, or an edit adding the mention), as the
 * alert to show; null for any other event.
 */
export function mentionedInNote(event: AdminEvent, userId: string): MentionAlert | null {
  if (event.type !== "message.created" && event.type !== "message.updated") return null;
  const { message } = event.payload;
  if (message.role !== "note" || message.authorId === userId) return null;
  const mentioned =
    event.type === "message.created"
      ? (message.metadata.mentions ?? [])
      : (event.payload.mentioned ?? []);
  if (!mentioned.includes(userId)) return null;
  const text =
    message.content.length > MAX_TEXT ? `${message.content.slice(0, MAX_TEXT)}…` : message.content;
  return {
    conversationId: message.conversationId,
    author: message.metadata.authorName ?? "",
    text,
    url: `/admin/conversations/${encodeURIComponent(message.conversationId)}`,
  };
}
