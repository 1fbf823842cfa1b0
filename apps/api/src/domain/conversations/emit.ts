import type { Conversation, Message } from "@agents-crm/db";
import type { EventHub } from "../../realtime/types";
import { publishAdmin, publishChat, type ConversationChange, type StatusNotice } from "./events";
import { conversationView, publicMessage } from "./views";

/**
 * A stored message: to the consoles with the full rows, and to the web chat visitor when it is the
 * agent's or the staff's (the visitor's own message is in the answer to chat.send; not logging it a
 * second time keeps a write off the path of every turn).
 */
export async function emitMessageCreated(
  hub: EventHub,
  conversation: Conversation,
  message: Message,
): Promise<void> {
  const visible =
    conversation.channel === "web_chat" && message.role !== "user" ? publicMessage(message) : null;
  await Promise.all([
    publishAdmin(hub, {
      type: "message.created",
      payload: { conversation: conversationView(conversation), message },
    }),
    visible &&
      publishChat(hub, conversation.conversationId, {
        type: "message",
        payload: { message: visible },
      }),
  ]);
}

export async function emitConversationCreated(
  hub: EventHub,
  conversation: Conversation,
): Promise<void> {
  await publishAdmin(hub, {
    type: "conversation.created",
    payload: { conversation: conversationView(conversation) },
  });
}

/** A staff action changed the row; the visitor hears about status changes only. */
export async function emitConversationChanged(
  hub: EventHub,
  conversation: Conversation,
  change: ConversationChange,
  options: { actorId: string | null; notice?: StatusNotice },
): Promise<void> {
  const { notice } = options;
  await Promise.all([
    publishAdmin(hub, {
      type: "conversation.updated",
      payload: { conversation: conversationView(conversation), change, actorId: options.actorId },
    }),
    notice !== undefined &&
      conversation.channel === "web_chat" &&
      publishChat(hub, conversation.conversationId, {
        type: "status",
        payload: { status: conversation.status, notice },
      }),
  ]);
}
