import type { Channel, ConversationRow, ConversationStatus } from "./types";

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  NEEDS_HUMAN: "Needs human",
  HUMAN_ACTIVE: "Human active",
  AI_ACTIVE: "AI answering",
  CLOSED: "Closed",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web_chat: "Web chat",
  instagram: "Instagram",
  telegram: "Telegram",
  whatsapp: "WhatsApp",
};

/** How staff recognise a customer in a row: the platform's user id, else "Web visitor". */
export function customerLabel(row: Pick<ConversationRow, "channel" | "externalUserId">): string {
  if (row.externalUserId) return row.externalUserId;
  return row.channel === "web_chat" ? "Web visitor" : "Unknown customer";
}

/** The last characters of an id (ULIDs differ at the end within a millisecond). */
export const shortId = (id: string) => id.slice(-6).toLowerCase();
