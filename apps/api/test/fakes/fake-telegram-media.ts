import type { FormPart } from "./multipart-body";

// What the fake Bot API does with an upload: `sendPhoto` / `sendDocument` / `sendVideo` / `sendAudio` /
// `sendVoice` as multipart/form-data with `chat_id`, the file under the method's field and an optional
// `caption` (https://core.telegram.org/bots/api#sending-files): photos ≤ 10 MB, other uploads ≤ 50 MB,
// captions ≤ 1024 characters.

export const MEDIA_FIELDS: Record<string, string> = {
  sendPhoto: "photo",
  sendDocument: "document",
  sendVideo: "video",
  sendAudio: "audio",
  sendVoice: "voice",
};

const MB = 1024 * 1024;

export interface FakeTelegramMedia {
  token: string;
  chatId: string;
  method: string;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  caption?: string;
  at: number;
}

export type MediaOutcome =
  | { ok: true; media: FakeTelegramMedia; result: Record<string, unknown> }
  | { ok: false; description: string };

/** Checks an upload as Telegram would and describes the message it makes. */
export function receiveMedia(
  token: string,
  method: string,
  parts: Map<string, FormPart>,
  fileId: string,
): MediaOutcome {
  const chatId = parts.get("chat_id");
  const file = parts.get(MEDIA_FIELDS[method] ?? "");
  const caption = parts.get("caption");
  if (typeof chatId !== "string" || chatId === "") {
    return { ok: false, description: "Bad Request: chat_id is empty" };
  }
  if (!file || typeof file === "string") {
    return {
      ok: false,
      description: `Bad Request: there is no ${MEDIA_FIELDS[method]} in the request`,
    };
  }
  const limit = method === "sendPhoto" ? 10 * MB : 50 * MB;
  if (file.bytes.length > limit) {
    return { ok: false, description: "Bad Request: file is too big" };
  }
  if (typeof caption === "string" && caption.length > 1024) {
    return { ok: false, description: "Bad Request: message caption is too long" };
  }
  const media: FakeTelegramMedia = {
    token,
    chatId,
    method,
    fileName: file.name,
    mimeType: file.type,
    bytes: file.bytes,
    ...(typeof caption === "string" && caption !== "" ? { caption } : {}),
    at: Date.now(),
  };
  const described = {
    file_id: fileId,
    file_unique_id: fileId.slice(0, 12),
    file_size: file.bytes.length,
  };
  const result: Record<string, unknown> =
    method === "sendPhoto"
      ? { photo: [{ ...described, width: 1, height: 1 }] }
      : {
          [MEDIA_FIELDS[method] ?? "document"]: {
            ...described,
            file_name: file.name,
            mime_type: file.type,
          },
        };
  if (media.caption) result.caption = media.caption;
  return { ok: true, media, result };
}
