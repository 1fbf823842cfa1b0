// Meta's messaging windows, counted from the customer's last message:
// - Instagram: automated replies within 24 h; a person may answer up to 7 days with the HUMAN_AGENT tag
//   (https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags).
// - WhatsApp: free-form messages within 24 h (the customer service window); after that only templates.
// Telegram has no window.

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export type WindowVerdict =
  { ok: true; humanAgentTag: boolean } | { ok: false; reason: string; window: MessagingWindow };

const ago = (ms: number) =>
  ms < 48 * HOUR_MS
    ? `${Math.floor(ms / HOUR_MS)} hours ago`
    : `${Math.floor(ms / DAY_MS)} days ago`;

/**
 * Whether a reply by the agent (bot) or by staff (a person) may go out now. Without a known last
 * customer message the platform decides (and a refusal shows on the message).
 */
export function windowVerdict(
  channel: Channel,
  author: "agent" | "staff",
  lastInboundAt: Date | null,
  now: Date,
): WindowVerdict {
  if (channel === "web_chat" || channel === "telegram" || lastInboundAt === null) {
    return { ok: true, humanAgentTag: false };
  }
  const age = Math.max(0, now.getTime() - lastInboundAt.getTime());
  const last = `the customer's last message was ${ago(age)}`;
  if (age <= DAY_MS) return { ok: true, humanAgentTag: false };
  if (channel === "whatsapp") {
    return {
      ok: false,
      reason: `WhatsApp allows free-form messages only within 24 hours of the customer's last message (${last}); only a template message may be sent now`,
      window: "whatsapp_24h",
    };
  }
  if (author === "agent") {
    return {
      ok: false,
      reason: `Instagram allows automated replies only within 24 hours of the customer's last message (${last})`,
      window: "instagram_24h_automated",
    };
  }
  if (age <= 7 * DAY_MS) return { ok: true, humanAgentTag: true };
  return {
    ok: false,
    reason: `Instagram allows a person to reply only within 7 days of the customer's last message (${last})`,
    window: "instagram_7d_human",
  };
}
import type { MessagingWindow } from "@agents-crm/config/binding-errors";
import type { Channel } from "@agents-crm/config/channels";
