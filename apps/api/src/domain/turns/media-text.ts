import type { Message } from "@agents-crm/db";

const LABELS: Partial<Record<Message["kind"], string>> = {
  photo: "photo",
  video: "video",
  audio: "audio",
  voice: "voice message",
  sticker: "sticker",
  file: "file",
};

/**
 * What the model reads of a customer message: a message with files keeps only its caption as text (the
 * console shows the files), so the model is told what was sent — "[photo] caption" — as before files
 * were kept. A transcribed voice note reads as its words, answered like any text.
 */
export function textForModel(
  message: Pick<Message, "role" | "kind" | "content" | "fileIds"> & {
    metadata?: Pick<Message["metadata"], "transcript">;
  },
) {
  const label = LABELS[message.kind];
  if (message.role !== "user" || !label || (message.fileIds?.length ?? 0) === 0) {
    return message.content;
  }
  const caption = message.content.trim();
  const transcript = message.metadata?.transcript?.trim();
  if (transcript) return caption ? `${transcript}\n${caption}` : transcript;
  return caption ? `[${label}] ${caption}` : `[${label}]`;
}
