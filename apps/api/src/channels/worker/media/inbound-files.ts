import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../../deps";
import { publishAdmin } from "../../../domain/conversations/events";
import { conversationView } from "../../../domain/conversations/views";
import { withAttachments } from "../../../files/attachment-views";
import type { DownloadedMedia } from "../../../platforms/media-download";
import type { MediaSource } from "./media-sources";

/**
 * The files of customers' platform messages, from placeholder to stored bytes: a pending record written
 * with the message, then the downloaded bytes saved through the file service (type read from the bytes,
 * location data stripped, the kind's limit enforced) into that same record, or the reason it was not kept.
 */
export function inboundFiles(deps: ApiDeps) {
  const { repos } = deps;
  return {
    /** `createdBy`: "customer", or "platform_app" for a reply staff typed in the platform's app. */
    async createPending(
      conversation: Conversation,
      source: MediaSource,
      createdBy = "customer",
    ): Promise<string> {
      const record = await deps.files.reservePending({
        purpose: "conversation",
        conversationId: conversation.conversationId,
        agentId: conversation.agentId,
        kind: source.kind,
        mimeType: source.mimeType,
        name: source.name,
        createdBy,
      });
      return record.fileId;
    },

    async isPending(fileId: string): Promise<boolean> {
      return (await repos.files.get(fileId))?.status === "pending";
    },

    async store(fileId: string, media: DownloadedMedia, source: MediaSource): Promise<void> {
      const record = await repos.files.get(fileId);
      if (!record) return;
      // A refused file (a type we do not keep, over the kind's limit) is recorded with the reason.
      await deps.files.saveFile({
        fileId,
        bytes: media.bytes,
        declaredType: source.mimeType ?? media.mimeType,
        name: record.name ?? media.fileName,
        kind: source.kind,
        purpose: "conversation",
        conversationId: record.conversationId,
        agentId: record.agentId,
        createdBy: record.createdBy ?? "customer",
        onRefusal: "record",
      });
    },

    async refuse(fileId: string, reason: string): Promise<void> {
      await deps.files.markUnsupported(fileId, reason);
    },

    /** The console replaces the message, now with its files' new states. */
    async announce(conversationId: string, messageId: string): Promise<void> {
      const [conversation, message] = await Promise.all([
        repos.conversations.get(conversationId),
        repos.messages.get(conversationId, messageId),
      ]);
      if (!conversation || !message) return;
      const [withFiles = message] = await withAttachments(repos, [message]);
      await publishAdmin(deps.hub, {
        type: "message.updated",
        payload: { conversation: conversationView(conversation), message: withFiles },
      });
    },
  };
}
