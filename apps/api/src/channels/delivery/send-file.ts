import type { ChannelClients } from "./channel-clients";
import type { OutboundFile, OutboundFileSource } from "./outbound-file";
import { telegramChatKey, type DeliveryTarget } from "./send-part";
import type { TelegramMediaMethod } from "../../platforms/telegram-bot-api";
import type { WhatsAppMediaType } from "../../platforms/whatsapp-cloud-api";

// Telegram shows photos (jpeg/png/webp), videos (mp4) and audio (mp3/m4a) inline and voice notes (ogg/opus)
// as voice; anything else goes as a document, which Telegram takes of any type
// (https://core.telegram.org/bots/api#sendphoto, #sendvideo, #sendaudio, #sendvoice, #senddocument).
function telegramMethod(file: OutboundFile): TelegramMediaMethod {
  if (file.kind === "image" && ["image/jpeg", "image/png", "image/webp"].includes(file.mimeType)) {
    return "sendPhoto";
  }
  if (file.kind === "video" && file.mimeType === "video/mp4") return "sendVideo";
  if (file.kind === "audio" && ["audio/mpeg", "audio/mp4", "audio/x-m4a"].includes(file.mimeType)) {
    return "sendAudio";
  }
  if (file.kind === "audio" && file.mimeType === "audio/ogg") return "sendVoice";
  return "sendDocument";
}

const INSTAGRAM_TYPES = {
  image: "image",
  video: "video",
  audio: "audio",
  document: "file",
} as const;
const WHATSAPP_TYPES: Record<OutboundFile["kind"], WhatsAppMediaType> = {
  image: "image",
  video: "video",
  audio: "audio",
  document: "document",
};

/** Sends one file (with its caption where the platform takes one); returns the platform's message id. */
export async function sendFile(
  clients: ChannelClients,
  source: OutboundFileSource,
  target: DeliveryTarget,
  file: OutboundFile,
  options: { caption?: string; humanAgentTag: boolean },
): Promise<string> {
  switch (target.channel) {
    case "telegram": {
      const bytes = await source.read(file.fileId);
      const sent = await clients.telegramPacer.send(telegramChatKey(target), () =>
        clients.telegram.sendMedia(target.token, {
          method: telegramMethod(file),
          chat_id: target.recipient,
          file: { bytes, name: file.name, mimeType: file.mimeType },
          ...(options.caption ? { caption: options.caption } : {}),
        }),
      );
      return String(sent.message_id);
    }
    case "instagram": {
      // Instagram downloads the file itself: it gets a signed link that expires.
      const url = await source.publicUrl(file.fileId);
      const sent = await clients.instagram.sendMessage(target.token, target.accountId, {
        recipient: { id: target.recipient },
        message: { attachment: { type: INSTAGRAM_TYPES[file.kind], payload: { url } } },
        ...(options.humanAgentTag
          ? { messaging_type: "MESSAGE_TAG" as const, tag: "HUMAN_AGENT" as const }
          : {}),
      });
      return sent.message_id;
    }
    case "whatsapp": {
      if (target.provider === "twilio") {
        // Twilio fetches the file itself from a signed link that expires.
        const url = await source.publicUrl(file.fileId);
        return clients.twilio.send(target, {
          mediaUrls: [url],
          ...(options.caption ? { body: options.caption } : {}),
        });
      }
      const bytes = await source.read(file.fileId);
      const { mediaId } = await clients.whatsapp.uploadMedia(target.token, target.accountId, {
        bytes,
        name: file.name,
        mimeType: file.mimeType,
      });
      const sent = await clients.whatsapp.sendMedia(target.token, target.accountId, {
        to: target.recipient,
        type: WHATSAPP_TYPES[file.kind],
        mediaId,
        ...(options.caption ? { caption: options.caption } : {}),
        ...(file.kind === "document" ? { filename: file.name } : {}),
      });
      return sent.messageId;
    }
  }
}
