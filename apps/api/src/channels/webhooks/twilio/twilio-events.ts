import type { MessageKind } from "@agents-crm/config/messages";
import type { PlatformDeliveryStatus } from "@agents-crm/config/messages";
import { twilioErrorMessage } from "@agents-crm/config/twilio";
import type { DeliveryStatusReport } from "../../../domain/delivery-status/record-delivery-status";
import type { ParsedEvent } from "../parsed-event";

// Twilio's webhook for an incoming WhatsApp message, form-encoded
// (https://www.twilio.com/docs/messaging/guides/webhook-request): MessageSid, AccountSid, From and To
// (`whatsapp:+E164`), Body, NumMedia with MediaUrl{N} / MediaContentType{N}, ProfileName, WaId.

/** Twilio delivers at most 10 media per message. */
export const TWILIO_MAX_MEDIA = 10;

const first = (params: ReadonlyMap<string, readonly string[]>, name: string) =>
  params.get(name)?.[0];

/** `whatsapp:+14155238886` → `14155238886` (the WhatsApp id, as Meta's wa_id spells it). */
export const waIdOf = (address: string) => address.replace(/^whatsapp:\+?/, "");

const kindOf = (mimeType: string): { kind: MessageKind; type: string } => {
  if (mimeType.startsWith("image/")) return { kind: "photo", type: "image" };
  if (mimeType.startsWith("video/")) return { kind: "video", type: "video" };
  if (mimeType.startsWith("audio/")) return { kind: "voice", type: "audio" };
  return { kind: "file", type: "document" };
};

/** One incoming message, or the reason it cannot be one. */
export function parseTwilioMessage(
  params: ReadonlyMap<string, readonly string[]>,
  receivedAt: Date,
): ParsedEvent | { skipped: string } {
  const sid = first(params, "MessageSid");
  const from = first(params, "From");
  const to = first(params, "To");
  if (!sid || !from || !to) return { skipped: "missing_fields" };
  if (!from.startsWith("whatsapp:")) return { skipped: "not_whatsapp" };
  const count = Math.min(Number(first(params, "NumMedia") ?? "0") || 0, TWILIO_MAX_MEDIA);
  const attachments = Array.from({ length: count }, (_, i) => {
    const url = first(params, `MediaUrl${i}`);
    const mimeType = first(params, `MediaContentType${i}`) ?? "application/octet-stream";
    return url ? { type: kindOf(mimeType).type, url, mimeType } : null;
  }).filter((a) => a !== null);
  const body = first(params, "Body");
  const name = first(params, "ProfileName");
  return {
    platform: "whatsapp",
    accountId: to,
    externalUserId: waIdOf(from),
    externalMessageId: sid,
    platformMessageId: sid,
    timestamp: receivedAt.toISOString(),
    kind: attachments[0] ? kindOf(attachments[0].mimeType).kind : "text",
    ...(body ? { text: body } : {}),
    attachments,
    ...(name ? { sender: { name } } : {}),
    orderSort: receivedAt.getTime(),
  };
}

// Status callbacks (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status):
// MessageSid, MessageStatus (queued, sending, sent, delivered, read, undelivered, failed…), ErrorCode.
const STATUSES: Record<string, PlatformDeliveryStatus> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
  undelivered: "failed",
};

/** A status callback as a delivery report; null for in-between states (queued, sending, accepted). */
export function parseTwilioStatus(
  params: ReadonlyMap<string, readonly string[]>,
  receivedAt: Date,
): DeliveryStatusReport | null {
  const sid = first(params, "MessageSid");
  const status = STATUSES[first(params, "MessageStatus") ?? ""];
  if (!sid || !status) return null;
  const code = first(params, "ErrorCode");
  return {
    platform: "whatsapp",
    platformMessageId: sid,
    status,
    ...(status === "failed"
      ? {
          reason: {
            code: code ?? "unknown",
            message: code ? twilioErrorMessage(code) : "Twilio could not deliver the message",
          },
        }
      : {}),
    at: receivedAt.toISOString(),
  };
}
