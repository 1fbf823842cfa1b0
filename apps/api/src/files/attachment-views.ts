import { fileUrlPath, type AttachmentView } from "@agents-crm/config/attachments";
import type { FileRecord, Message, Repositories } from "@agents-crm/db";
import { fileDeliveryOf } from "../channels/delivery/file-delivery-view";
import type { FileLinkSigner } from "./file-links";

/** A message as the console and live events carry it: with its files' views. */
export type MessageWithAttachments = Message & { attachments?: AttachmentView[] };

/** How long a web-chat visitor's signed links stay valid (the page re-reads history to renew them). */
export const VISITOR_LINK_TTL_SECONDS = 6 * 3600;

export function attachmentView(
  record: FileRecord,
  url = fileUrlPath(record.fileId),
): AttachmentView {
  return {
    fileId: record.fileId,
    kind: record.kind,
    mimeType: record.mimeType,
    size: record.size,
    url,
    status: record.status,
    ...(record.name === undefined ? {} : { name: record.name }),
    ...(record.width === undefined ? {} : { width: record.width }),
    ...(record.height === undefined ? {} : { height: record.height }),
    ...(record.durationSec === undefined ? {} : { durationSec: record.durationSec }),
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    ...(record.caption === undefined ? {} : { caption: record.caption }),
  };
}

/**
 * Adds `attachments` to the messages that carry fileIds, reading every file of the page in one batch
 * (no read per message). Files gone (expired, erased) are left out. `signer` makes each url a signed
 * link (the web chat's visitor, who has no cookie).
 */
export async function withAttachments(
  repos: Pick<Repositories, "files">,
  messages: readonly Message[],
  options: { signer?: FileLinkSigner } = {},
): Promise<MessageWithAttachments[]> {
  const ids = messages.flatMap((m) => m.fileIds ?? []);
  if (ids.length === 0) return [...messages];
  const records = await repos.files.getMany(ids);
  const { signer } = options;
  return messages.map((message) => {
    if (!message.fileIds?.length) return message;
    const attachments = message.fileIds.flatMap((id) => {
      const record = records.get(id);
      if (!record) return [];
      const url =
        signer && record.status === "stored"
          ? signer.path(id, VISITOR_LINK_TTL_SECONDS)
          : undefined;
      const delivery = fileDeliveryOf(message, id);
      const transcript =
        record.kind === "voice" || record.kind === "audio"
          ? message.metadata.transcript
          : undefined;
      return [
        {
          ...attachmentView(record, url),
          ...(transcript ? { transcript } : {}),
          ...(delivery
            ? {
                deliveryStatus: delivery.status,
                ...(delivery.error ? { deliveryError: delivery.error } : {}),
              }
            : {}),
        },
      ];
    });
    return { ...message, attachments };
  });
}
