import type { MessageMetadataInput } from "@agents-crm/config/message-metadata";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated, emitMessageWithFiles } from "../../domain/conversations/emit";
import type { InboundEvent } from "../inbound-event";
import { inboundContent } from "./inbound-content";

/**
 * How far back a re-run looks for what an earlier run of the same event stored. One conversation's
 * events run strictly in order, so an event's own message is among the conversation's newest: only its
 * reply and staff messages written meanwhile can follow it.
 */
export const RECENT_FOR_RERUN = 50;

/** What a customer message records about its platform event (the console shows it; re-runs find it). */
export function inboundMetadata(event: InboundEvent, eventKey: string): MessageMetadataInput {
  return {
    inboxEventKey: eventKey,
    platform: event.platform,
    bindingId: event.bindingId,
    ...(event.refersTo === undefined ? {} : { refersTo: event.refersTo }),
    ...(event.attachments.length > 0 ? { attachments: event.attachments } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.contact ? { contact: event.contact } : {}),
    ...(event.sender ? { sender: event.sender } : {}),
  };
}

/** The customer message an earlier run of this event stored, if any. */
export const storedFor = (recent: Message[], eventKey: string): Message | undefined =>
  recent.find((m) => m.role === "user" && m.metadata.inboxEventKey === eventKey);

/** Agent messages that answer `message` (every reply records the customer messages it answers). */
export const answersTo = (recent: Message[], message: Message): Message[] =>
  recent.filter(
    (m) => m.role === "agent" && m.metadata.answers?.includes(message.messageId) === true,
  );

/** The stored message a reaction / edit / unsend / reply is about, by the platform's message id. */
export const referredMessage = (recent: Message[], platformId: string | undefined) =>
  platformId === undefined
    ? undefined
    : recent.find((m) => m.externalMessageId?.split(",").includes(platformId));

/**
 * Stores a customer message that does not drive the agent (media, reactions, edits, unsends), moves the
 * conversation up the inbox and tells the consoles. With files attached, the text is the caption (the
 * files speak for themselves); the inbox preview still says what it is ("[photo] caption").
 */
export async function storeInbound(
  deps: Pick<ApiDeps, "repos" | "hub" | "files">,
  conversation: Conversation,
  event: InboundEvent,
  metadata: MessageMetadataInput,
  files: { fileIds?: string[] } = {},
): Promise<{ message: Message; conversation: Conversation }> {
  const description = inboundContent(event);
  const withFiles = (files.fileIds?.length ?? 0) > 0;
  const content = withFiles ? (event.text?.trim() ?? "") : description;
  const message = await deps.repos.messages.append({
    ...(withFiles ? { fileIds: files.fileIds } : {}),
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "user",
    content,
    channel: conversation.channel,
    kind: event.kind,
    externalMessageId: event.platformMessageId,
    externalUserId: event.externalUserId,
    timestamp: event.timestamp,
    metadata,
  });
  const touched =
    (await deps.repos.conversations.touchActivity(conversation.conversationId, {
      preview: description,
      fromCustomer: true,
    })) ?? conversation;
  // With files, the console gets their views too (pending: it shows them coming).
  if (withFiles) await emitMessageWithFiles(deps, touched, message);
  else await emitMessageCreated(deps.hub, touched, message);
  return { message, conversation: touched };
}
