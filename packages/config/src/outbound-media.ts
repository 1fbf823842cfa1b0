import { z } from "zod";
import {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_ATTACHMENT_CAPTION_LENGTH,
  type AttachmentKind,
} from "./attachments";
import type { Channel } from "./channels";

// What each platform accepts when staff send a file, checked before anything is sent (the API refuses
// with a 4xx naming the limit; the composer warns as soon as a file is attached):
// - Telegram Bot API, uploads by multipart/form-data: photos ≤ 10 MB (sendPhoto), other files ≤ 50 MB
//   (sendDocument / sendVideo / sendAudio), captions 0–1024 characters
//   (https://core.telegram.org/bots/api#sendphoto, https://core.telegram.org/bots/api#sending-files).
// - Instagram messaging, media by URL that Instagram fetches: image png/jpeg/gif ≤ 8 MB; video
//   mp4/ogg/avi/mov/webm ≤ 25 MB; audio aac/m4a/wav/mp4 ≤ 25 MB; file (pdf) ≤ 25 MB; no captions
//   (https://developers.facebook.com/docs/messenger-platform/instagram/features/upload-attachment).
// - WhatsApp Cloud API, uploaded then sent by media id: image jpeg/png ≤ 5 MB; video mp4/3gpp ≤ 16 MB;
//   audio aac/amr/mpeg/mp4/ogg ≤ 16 MB (no caption); document ≤ 100 MB; captions ≤ 1024 characters
//   (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types).
// - Web chat: the visitor fetches the file from us; only the storage limits apply.

export const OUTBOUND_MEDIA_KINDS = ["image", "video", "audio", "document"] as const;
export const outboundMediaKindSchema = z.enum(OUTBOUND_MEDIA_KINDS);
export type OutboundMediaKind = z.infer<typeof outboundMediaKindSchema>;

/** Files one staff message may carry (each goes out as its own platform message). */
export const MAX_FILES_PER_MESSAGE = MAX_ATTACHMENTS_PER_MESSAGE;
/** The longest caption the platforms take with a file (Telegram, WhatsApp); longer text goes on its own. */
export const MAX_CAPTION_LENGTH = MAX_ATTACHMENT_CAPTION_LENGTH;

const MB = 1024 * 1024;

interface KindRule {
  maxBytes: number;
  /** Accepted MIME types; null: any. */
  mimeTypes: readonly string[] | null;
}

export interface ChannelMediaRules {
  image: KindRule;
  video: KindRule;
  audio: KindRule;
  document: KindRule;
  /** Whether a caption rides with the file (else it goes as a text message first). */
  captions: boolean;
}

const any = (maxBytes: number): KindRule => ({ maxBytes, mimeTypes: null });

export const CHANNEL_MEDIA_RULES: Record<Exclude<Channel, "web_chat">, ChannelMediaRules> = {
  telegram: {
    image: any(10 * MB),
    video: any(50 * MB),
    audio: any(50 * MB),
    document: any(50 * MB),
    captions: true,
  },
  instagram: {
    image: { maxBytes: 8 * MB, mimeTypes: ["image/png", "image/jpeg", "image/gif"] },
    video: {
      maxBytes: 25 * MB,
      mimeTypes: ["video/mp4", "video/ogg", "video/x-msvideo", "video/quicktime", "video/webm"],
    },
    audio: {
      maxBytes: 25 * MB,
      mimeTypes: ["audio/aac", "audio/mp4", "audio/x-m4a", "audio/wav", "audio/x-wav"],
    },
    document: { maxBytes: 25 * MB, mimeTypes: ["application/pdf"] },
    captions: false,
  },
  whatsapp: {
    image: { maxBytes: 5 * MB, mimeTypes: ["image/jpeg", "image/png"] },
    video: { maxBytes: 16 * MB, mimeTypes: ["video/mp4", "video/3gpp"] },
    audio: {
      maxBytes: 16 * MB,
      mimeTypes: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"],
    },
    document: any(100 * MB),
    captions: true,
  },
};

const CHANNEL_NAMES: Record<Exclude<Channel, "web_chat">, string> = {
  telegram: "Telegram",
  instagram: "Instagram",
  whatsapp: "WhatsApp",
};

/** A stored file's kind as the platforms know it: a voice note is audio; a sticker goes as what it is. */
export function outboundKindOf(kind: AttachmentKind, mimeType: string): OutboundMediaKind {
  if (kind === "sticker") {
    if (mimeType.startsWith("image/")) return "image";
    return mimeType.startsWith("video/") ? "video" : "document";
  }
  return kind === "voice" ? "audio" : kind;
}

export const formatMegabytes = (bytes: number) =>
  `${Number((bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1))} MB`;

export type OutboundVerdict =
  | { ok: true; kind: OutboundMediaKind }
  | {
      ok: false;
      kind: OutboundMediaKind;
      reason: "too_large" | "unsupported_type";
      /** The channel's limit for this kind (too_large). */
      maxBytes?: number;
      /** For staff and logs; the console words it from `reason` in the reader's language. */
      message: string;
    };

/** Whether `channel` takes this file as it is; web chat takes whatever storage accepted. */
export function checkOutboundFile(
  channel: Channel,
  file: { kind: AttachmentKind; mimeType: string; size: number; name?: string },
): OutboundVerdict {
  const kind = outboundKindOf(file.kind, file.mimeType);
  if (channel === "web_chat") return { ok: true, kind };
  const rule = CHANNEL_MEDIA_RULES[channel][kind];
  const label = file.name ? `"${file.name}"` : `this ${kind}`;
  if (rule.mimeTypes && !rule.mimeTypes.includes(file.mimeType)) {
    return {
      ok: false,
      kind,
      reason: "unsupported_type",
      message: `${CHANNEL_NAMES[channel]} does not accept ${label} (${file.mimeType}) as ${kind === "document" ? "a file" : `an ${kind === "image" ? "image" : kind}`}; accepted: ${rule.mimeTypes.join(", ")}`,
    };
  }
  if (file.size > rule.maxBytes) {
    return {
      ok: false,
      kind,
      reason: "too_large",
      maxBytes: rule.maxBytes,
      message: `${label} is ${formatMegabytes(file.size)}; ${CHANNEL_NAMES[channel]} takes ${kind === "document" ? "files" : `${kind}s`} up to ${formatMegabytes(rule.maxBytes)}`,
    };
  }
  return { ok: true, kind };
}

/** Per attachment of a staff message: where its delivery stands (the message's status sums them up). */
export const attachmentDeliverySchema = z.object({
  status: z.enum(["pending", "sent", "failed"]),
  externalMessageId: z.string().optional(),
  /** The platform's reason for a failure. */
  error: z.string().optional(),
});
export type AttachmentDelivery = z.infer<typeof attachmentDeliverySchema>;
