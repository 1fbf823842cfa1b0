import type { AdminEvent, ConversationRow } from "./types";

/** The full conversation row an admin event carries (every event but `resync` has one). */
export function eventConversation(event: AdminEvent): ConversationRow | null {
  switch (event.type) {
    case "conversation.created":
    case "conversation.updated":
    case "conversation.escalated":
    case "message.created":
    case "message.updated":
      return event.payload.conversation;
    case "resync":
      return null;
  }
}
