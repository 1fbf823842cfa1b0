import { splitForChannel } from "@agents-crm/ai";
import type { Channel } from "@agents-crm/config/channels";
import { CHANNEL_MEDIA_RULES, MAX_CAPTION_LENGTH } from "@agents-crm/config/outbound-media";
import type { OutboundFile } from "./outbound-file";

/** One platform message of a stored message: a text part, or a file (with its caption, if it carries one). */
export type DeliveryStep =
  | { kind: "text"; text: string }
  | { kind: "file"; fileId: string; file: OutboundFile | null; caption?: string };

/**
 * How a message goes out: its text split to the platform's limit, then its files one by one. On Telegram
 * and WhatsApp a short text rides as the first file's caption (WhatsApp audio takes none); Instagram has
 * no captions, so the text goes first as a message of its own. `files` are in the message's order, null
 * for one no longer stored.
 */
export function planDelivery(
  channel: Exclude<Channel, "web_chat">,
  content: string,
  fileIds: string[],
  files: (OutboundFile | null)[],
): DeliveryStep[] {
  const first = files[0];
  const captionFits =
    content !== "" &&
    first !== undefined &&
    first !== null &&
    CHANNEL_MEDIA_RULES[channel].captions &&
    content.length <= MAX_CAPTION_LENGTH &&
    !(channel === "whatsapp" && first.kind === "audio");
  const text: DeliveryStep[] = captionFits
    ? []
    : splitForChannel(content, channel).map((part) => ({ kind: "text", text: part }));
  const fileSteps: DeliveryStep[] = fileIds.map((fileId, index) => ({
    kind: "file",
    fileId,
    file: files[index] ?? null,
    ...(captionFits && index === 0 ? { caption: content } : {}),
  }));
  return [...text, ...fileSteps];
}
