import type { AttachmentView } from "@agents-crm/config/attachments";
import type { Conversation, Repositories } from "@agents-crm/db";
import { withAttachments, type MessageWithAttachments } from "../../files/attachment-views";
import type { FileLinkSigner } from "../../files/file-links";
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
  message: MessageWithAttachments,
  /** The visitor's views of its files (signed links); see emitMessageWithFiles. */
  visitorAttachments?: AttachmentView[],
  /** Which streams hear of it (a recovery tells only those that never did). */
  to: { admin: boolean; chat: boolean } = { admin: true, chat: true },
): Promise<void> {
  const visible =
    to.chat && conversation.channel === "web_chat" && message.role !== "user"
      ? publicMessage({ ...message, attachments: visitorAttachments })
      : null;
  await Promise.all([
    to.admin &&
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

/** emitMessageCreated for a message that carries files: their views (one batch read each) ride along. */
export async function emitMessageWithFiles(
  deps: { hub: EventHub; repos: Pick<Repositories, "files">; files: { signer: FileLinkSigner } },
  conversation: Conversation,
  message: MessageWithAttachments,
): Promise<void> {
  const [staff = message] = await withAttachments(deps.repos, [message]);
  const visitor =
    conversation.channel === "web_chat"
      ? (await withAttachments(deps.repos, [message], { signer: deps.files.signer }))[0]
      : undefined;
  await emitMessageCreated(deps.hub, conversation, staff, visitor?.attachments);
}
