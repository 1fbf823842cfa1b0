import { z } from "zod";

/**
 * Files attached to messages (customers' media, staff attachments, knowledge documents sent by the agent).
 * The kind decides the size limit, which types are accepted and how the console shows it.
 */
export const ATTACHMENT_KINDS = [
  "image",
  "video",
  "audio",
  "voice",
  "document",
  "sticker",
] as const;
export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

/** stored: the bytes are kept; pending: a download is under way; unsupported: refused, with `reason`. */
export const ATTACHMENT_STATUSES = ["stored", "pending", "unsupported"] as const;
export const attachmentStatusSchema = z.enum(ATTACHMENT_STATUSES);
export type AttachmentStatus = z.infer<typeof attachmentStatusSchema>;

const MB = 1024 * 1024;

/**
 * The largest file of each kind we store. Platforms' own limits are at or below these (Telegram bots
 * download up to 20 MB, WhatsApp media is at most 16 MB for audio/video and 100 MB for documents, which
 * we cap lower).
 */
export const ATTACHMENT_MAX_BYTES: Record<AttachmentKind, number> = {
  image: 10 * MB,
  video: 50 * MB,
  audio: 25 * MB,
  voice: 16 * MB,
  document: 25 * MB,
  sticker: 2 * MB,
};

/** The largest file of any kind: what an upload is bounded by before its kind is known. */
export const ATTACHMENT_MAX_BYTES_ANY = Math.max(...Object.values(ATTACHMENT_MAX_BYTES));

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PPTX_MIME =
  "application/vnd.openxmlformats-officedocument.presentationml.presentation";
export const TGS_MIME = "application/x-tgsticker";

const AUDIO_MIME_TYPES = [
  "audio/ogg",
  "audio/opus",
  "audio/mpeg",
  "audio/mp4",
  "audio/aac",
  "audio/amr",
  "audio/wav",
  "audio/webm",
];

/** The types each kind accepts, as found in the file's bytes (never as declared). */
export const ATTACHMENT_MIME_TYPES: Record<AttachmentKind, readonly string[]> = {
  image: ["image/jpeg", "image/png", "image/webp", "image/gif", "image/heic"],
  video: ["video/mp4", "video/quicktime", "video/webm"],
  audio: AUDIO_MIME_TYPES,
  // A voice note is an audio file its sender marked as one: the same types.
  voice: AUDIO_MIME_TYPES,
  document: [
    "application/pdf",
    DOCX_MIME,
    XLSX_MIME,
    PPTX_MIME,
    "application/msword",
    "application/vnd.ms-excel",
    "text/plain",
    "text/csv",
  ],
  sticker: ["image/webp", TGS_MIME, "video/webm"],
};

/** How a refusal names files of a kind ("voice notes may be at most 16 MB"). */
export const ATTACHMENT_KIND_PLURALS: Record<AttachmentKind, string> = {
  image: "images",
  video: "videos",
  audio: "audio files",
  voice: "voice notes",
  document: "documents",
  sticker: "stickers",
};

/** What the customer's web chat may attach. */
export const WEB_CHAT_ATTACHMENT_MIME_TYPES = [
  ...ATTACHMENT_MIME_TYPES.image,
  "application/pdf",
] as const;

/** Served inline (the browser shows or plays them); everything else is a download. */
export const INLINE_ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  "image",
  "video",
  "audio",
  "voice",
  "sticker",
];

/** The kind a type is stored as when the sender did not say (a voice note or sticker is told by its sender). */
export function attachmentKindForMime(mimeType: string): AttachmentKind | null {
  for (const kind of ["image", "video", "audio", "document"] as const) {
    if (ATTACHMENT_MIME_TYPES[kind].includes(mimeType)) return kind;
  }
  if (mimeType === TGS_MIME) return "sticker";
  return null;
}

export const MAX_ATTACHMENT_NAME_LENGTH = 255;
export const MAX_ATTACHMENT_CAPTION_LENGTH = 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** Our ids: `f_` then a ULID-like body; the only shape `GET /files/:fileId` looks up. */
export const FILE_ID_PATTERN = /^f_[0-9A-Za-z]{10,40}$/;
export const fileIdSchema = z.string().regex(FILE_ID_PATTERN, "must be a file id");

export const ATTACHMENT_DELIVERY_STATUSES = ["pending", "sent", "delivered", "failed"] as const;

/** One attachment as the console, the web chat and the router see it. */
export const attachmentViewSchema = z.object({
  fileId: z.string(),
  kind: attachmentKindSchema,
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  name: z.string().optional(),
  /** Where the API serves the bytes (`/files/<fileId>`), to whoever may see them. */
  url: z.string(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationSec: z.number().nonnegative().optional(),
  status: attachmentStatusSchema,
  /** Why it is unsupported (too large, a type we do not keep, the download failed). */
  reason: z.string().optional(),
  caption: z.string().optional(),
  deliveryStatus: z.enum(ATTACHMENT_DELIVERY_STATUSES).optional(),
  /** The platform's reason when this file was not sent (staff and agent files on channels). */
  deliveryError: z.string().optional(),
  /** A customer's voice note or audio as text (TRANSCRIPTION_MODEL), shown under its player. */
  transcript: z.string().optional(),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** The path a file is served at, relative to the API's origin. */
export function fileUrlPath(fileId: string): string {
  return `/files/${encodeURIComponent(fileId)}`;
}

/** "10 MB": a limit as the messages that refuse a file name it. */
export function formatByteLimit(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}
