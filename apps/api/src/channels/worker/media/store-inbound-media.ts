import type { MessageMetadataInput } from "@agents-crm/config/message-metadata";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../../deps";
import type { InboundEvent } from "../../inbound-event";
import { storeInbound } from "../stored-inbound";
import { inboundFiles } from "./inbound-files";
import { enqueueMediaJob } from "./media-job";
import { mediaSources } from "./media-sources";

/**
 * A customer message with files: stored at once with its files pending (the console shows them coming),
 * its text the caption, then the downloads queued as their own job. A message without files the platform
 * lets us fetch is stored as before.
 */
export async function storeInboundWithMedia(
  deps: ApiDeps,
  conversation: Conversation,
  event: InboundEvent,
  metadata: MessageMetadataInput,
): Promise<{ message: Message; conversation: Conversation }> {
  const pending = await reservePendingFiles(deps, conversation, event);
  if (pending.length === 0) return storeInbound(deps, conversation, event, metadata);
  const stored = await storeInbound(deps, conversation, event, metadata, {
    fileIds: pending.map((file) => file.fileId),
  });
  await queueDownloads(deps, stored.message, event, pending);
  return stored;
}

type PendingFiles = Parameters<typeof enqueueMediaJob>[1]["files"];

/**
 * A pending file record for each file of the event the platform lets us fetch (none if it has none):
 * written before its message, so the console shows the files coming.
 */
export async function reservePendingFiles(
  deps: ApiDeps,
  conversation: Conversation,
  event: InboundEvent,
  createdBy = "customer",
): Promise<PendingFiles> {
  const files = inboundFiles(deps);
  const pending: PendingFiles = [];
  for (const source of mediaSources(event)) {
    pending.push({ ...source, fileId: await files.createPending(conversation, source, createdBy) });
  }
  return pending;
}

/**
 * A re-run of an event whose message is stored: its downloads are queued again in case the first run
 * ended before it queued them (the queue drops the duplicate).
 */
export async function requeueDownloads(
  deps: ApiDeps,
  message: Message,
  event: InboundEvent,
  options: { fromApp?: boolean } = {},
): Promise<void> {
  const fileIds = message.fileIds ?? [];
  const sources = mediaSources(event);
  if (fileIds.length === 0 || fileIds.length !== sources.length) return;
  await queueDownloads(
    deps,
    message,
    event,
    sources.map((source, i) => ({ ...source, fileId: fileIds[i] ?? "" })),
    options,
  );
}

/** `fromApp`: the files of a reply staff typed in the platform's app (downloaded, never answered). */
export function queueDownloads(
  deps: ApiDeps,
  message: Message,
  event: InboundEvent,
  files: PendingFiles,
  options: { fromApp?: boolean } = {},
) {
  return enqueueMediaJob(deps, {
    ...(options.fromApp ? { fromApp: true } : {}),
    conversationId: message.conversationId,
    messageId: message.messageId,
    agentId: message.agentId,
    bindingId: event.bindingId,
    platform: event.platform,
    files,
  });
}
