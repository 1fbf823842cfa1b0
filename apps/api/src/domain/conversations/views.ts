import type { AttachmentView } from "@agents-crm/config/attachments";
import type { Conversation, Message } from "@agents-crm/db";

/** A conversation as staff see it: the whole row, minus the web visitor's token hash. */
export type ConversationView = Omit<Conversation, "webTokenHash">;

export function conversationView(conversation: Conversation): ConversationView {
  const { webTokenHash: _hidden, ...view } = conversation;
  return view;
}

/** A message as the web chat visitor sees it: no metadata (sources, costs, escalation reasons), no author. */
export interface PublicMessage {
  messageId: string;
  role: "user" | "agent" | "admin";
  content: string;
  timestamp: string;
  /** Agent replies: the turn whose streamed deltas this message replaces. */
  turnId?: string;
  /** Its files, with signed links (the visitor has no cookie). */
  attachments?: AttachmentView[];
}

export function publicMessage(
  message: Message & { attachments?: AttachmentView[] },
): PublicMessage | null {
  // Staff notes never reach the customer.
  if (message.role === "system" || message.role === "note") return null;
  const { turnId } = message.metadata;
  return {
    messageId: message.messageId,
    role: message.role,
    content: message.content,
    timestamp: message.timestamp,
    ...(turnId === undefined ? {} : { turnId }),
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
  };
}

export function publicMessages(
  messages: readonly (Message & { attachments?: AttachmentView[] })[],
): PublicMessage[] {
  return messages.flatMap((message) => publicMessage(message) ?? []);
}
