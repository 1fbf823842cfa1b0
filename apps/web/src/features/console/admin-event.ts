import type { AdminEvent, ConversationRow } from "./types";

/** The full conversation row an admin event carries (conversation and message events have one). */
export function eventConversation(event: AdminEvent): ConversationRow | null {
  switch (event.type) {
    case "conversation.created":
    case "conversation.updated":
    case "conversation.escalated":
    case "message.created":
    case "message.updated":
      return event.payload.conversation;
    case "stages.updated":
    case "audit.appended":
    case "conversation.read":
    case "conversation.deleted":
    case "contact.erased":
    case "channel.token_problem":
    case "resync":
      return null;
  }
}
