import type { AttachmentKind } from "@agents-crm/config/attachments";
import type { MessageKind } from "@agents-crm/config/messages";
import type { InboundEvent } from "../../inbound-event";

/** A file a customer sent, as the platform points at it: enough for the worker to fetch it later. */
export interface MediaSource {
  kind: AttachmentKind;
  /** Telegram file_id, WhatsApp media id. */
  platformFileId?: string;
  /** Instagram's CDN link. */
  url?: string;
  mimeType?: string;
  name?: string;
}

const KIND_OF_MESSAGE: Partial<Record<MessageKind, AttachmentKind>> = {
  photo: "image",
  video: "video",
  audio: "audio",
  voice: "voice",
  file: "document",
  sticker: "sticker",
};

/**
 * The platform attachment types that are the customer's own file. Instagram shares, reels and story
 * replies point at public posts, and Telegram's callback queries carry none: they stay descriptions.
 */
const DOWNLOADABLE: Record<InboundEvent["platform"], ReadonlySet<string>> = {
  telegram: new Set([
    "photo",
    "video",
    "video_note",
    "animation",
    "voice",
    "audio",
    "sticker",
    "document",
  ]),
  instagram: new Set(["image", "video", "audio", "file"]),
  whatsapp: new Set(["image", "video", "audio", "document", "sticker"]),
};

const INSTAGRAM_KINDS: Record<string, AttachmentKind> = {
  image: "image",
  video: "video",
  audio: "audio",
  file: "document",
};

/** The files of an inbound event worth downloading, in the order the platform listed them. */
export function mediaSources(event: InboundEvent): MediaSource[] {
  const messageKind = KIND_OF_MESSAGE[event.kind];
  if (!messageKind) return [];
  const sources: MediaSource[] = [];
  for (const attachment of event.attachments) {
    if (!DOWNLOADABLE[event.platform].has(attachment.type)) continue;
    const kind =
      event.platform === "instagram"
        ? (INSTAGRAM_KINDS[attachment.type] ?? messageKind)
        : messageKind;
    // Twilio's WhatsApp media come as links (MediaUrl{N}), Meta's as media ids.
    const byLink = event.platform === "instagram" || !attachment.fileId;
    const where = byLink ? attachment.url : attachment.fileId;
    if (!where) continue;
    sources.push({
      kind,
      ...(byLink ? { url: where } : { platformFileId: where }),
      ...(attachment.mimeType ? { mimeType: attachment.mimeType } : {}),
      ...(attachment.fileName ? { name: attachment.fileName } : {}),
    });
  }
  return sources;
}
