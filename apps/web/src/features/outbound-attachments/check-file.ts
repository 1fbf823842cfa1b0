import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MIME_TYPES,
  attachmentKindForMime,
  formatByteLimit,
} from "@agents-crm/config/attachments";
import type { Channel } from "@agents-crm/config/channels";
import { checkOutboundFile } from "@agents-crm/config/outbound-media";
import type { Translation } from "~/i18n/define";
import type { outboundAttachments } from "./messages";

type Texts = Translation<(typeof outboundAttachments)["en"]>;

/**
 * Refuses at once, in the reader's language, what the API would refuse anyway: a type we do not keep, a
 * file above our storage limit, or above the conversation's platform limit. Null: worth uploading. The
 * browser's declared type is only a first guess; the API checks the bytes.
 */
export function refusalOf(file: File, channel: Channel, t: Texts): string | null {
  const mimeType = file.type || "application/octet-stream";
  const kind = attachmentKindForMime(mimeType);
  if (!kind || !ATTACHMENT_MIME_TYPES[kind].includes(mimeType))
    return t.unsupportedStored(file.name);
  if (file.size > ATTACHMENT_MAX_BYTES[kind]) {
    return t.tooLargeStored(file.name, formatByteLimit(ATTACHMENT_MAX_BYTES[kind]));
  }
  if (channel === "web_chat") return null;
  const verdict = checkOutboundFile(channel, { kind, mimeType, size: file.size, name: file.name });
  if (verdict.ok) return null;
  return verdict.reason === "too_large"
    ? t.tooLarge(file.name, formatByteLimit(verdict.maxBytes ?? 0), channel)
    : t.unsupported(file.name, channel);
}
