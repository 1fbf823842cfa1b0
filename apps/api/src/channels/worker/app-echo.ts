import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated, emitMessageWithFiles } from "../../domain/conversations/emit";
import {
  announceTakeOverByReply,
  takeOverByReply,
} from "../../domain/conversations/status-machine";
import { decideTransition } from "../../domain/conversations/status-rules";
import type { InboundEvent } from "../inbound-event";
import { inboundContent } from "./inbound-content";
import { queueDownloads, requeueDownloads, reservePendingFiles } from "./media/store-inbound-media";
import { RECENT_FOR_RERUN, inboundMetadata } from "./stored-inbound";

/** Who the audit log names for a reply typed in the platform's own app. */
export const APP_ACTOR_NAMES = { instagram: "Instagram app", whatsapp: "WhatsApp app" } as const;
export const PLATFORM_APP_ACTOR = "platform_app";

/**
 * A reply the business typed in the Instagram app or the WhatsApp Business app: stored as a staff
 * message "from the app", and a take-over, so the AI does not answer over the human. Echoes of our own
 * API sends are recognised by their platform id (remembered as each part goes out) and dropped, so no
 * reply is stored twice. Its photos, documents and audio are kept like a customer's: stored with the
 * message as pending files, then downloaded by the media job (retried, checked by type and size).
 */
export async function storeAppEcho(
  deps: ApiDeps,
  eventKey: string,
  event: InboundEvent,
  conversation: Conversation,
): Promise<"ours" | "stored" | "rerun"> {
  const { repos } = deps;
  const platformId = event.platformMessageId ?? event.externalMessageId;
  if (await repos.sentMessageRefs.find(event.platform, platformId)) return "ours";
  const recent = await repos.messages.lastN(conversation.conversationId, RECENT_FOR_RERUN);
  const earlier = recent.find((m) => m.metadata.inboxEventKey === eventKey);
  if (earlier) {
    // The first run may have ended before it queued the downloads (the queue drops a duplicate).
    await requeueDownloads(deps, earlier, event, { fromApp: true });
    return "rerun";
  }
  // Ours too when a delivery recorded the id but its remembered ref is missing.
  if (recent.some((m) => m.externalMessageId?.split(",").includes(platformId))) return "ours";

  // A human replied: the conversation is theirs now (unless it is closed, where nothing changes).
  const allowed = decideTransition("takeOverByReply", conversation.status).outcome !== "refused";
  const takeover = allowed
    ? await takeOverByReply(deps, conversation)
    : { before: conversation, after: conversation, changed: false };
  const files = await reservePendingFiles(deps, conversation, event, PLATFORM_APP_ACTOR);
  const description = inboundContent(event);
  const message = await repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "admin",
    // With files, the text is their caption (the files speak for themselves), as for a customer's.
    content: files.length > 0 ? (event.text?.trim() ?? "") : description,
    ...(files.length > 0 ? { fileIds: files.map((file) => file.fileId) } : {}),
    kind: event.kind,
    channel: conversation.channel,
    externalMessageId: platformId,
    externalUserId: event.externalUserId,
    deliveryStatus: "sent",
    timestamp: event.timestamp,
    metadata: { ...inboundMetadata(event, eventKey), authorKind: "platform_app" },
  });
  const appName =
    event.platform === "instagram" ? APP_ACTOR_NAMES.instagram : APP_ACTOR_NAMES.whatsapp;
  const touched =
    (await repos.conversations.touchActivity(conversation.conversationId, {
      preview: description,
    })) ?? takeover.after;
  await repos.audit.append({
    actorId: PLATFORM_APP_ACTOR,
    actorName: appName,
    action: "send_message",
    resourceType: "conversation",
    resourceId: conversation.conversationId,
    newValue: { messageId: message.messageId, status: touched.status },
    ...(takeover.changed ? { oldValue: { status: takeover.before.status } } : {}),
    requestId: eventKey,
    metadata: { trigger: "platform_app" },
  });
  if (takeover.changed) await announceTakeOverByReply(deps.hub, touched, PLATFORM_APP_ACTOR);
  if (files.length > 0) {
    await emitMessageWithFiles(deps, touched, message);
    await queueDownloads(deps, message, event, files, { fromApp: true });
  } else {
    await emitMessageCreated(deps.hub, touched, message);
  }
  return "stored";
}
