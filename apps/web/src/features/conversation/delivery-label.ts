type Status = "pending" | "sent" | "delivered" | "read" | "failed";

export interface DeliveryWords {
  pending: string;
  sent: string;
  delivered: string;
  read: string;
  failed: string;
  /** Instagram's word for a read receipt. */
  seen: string;
  /** Why an Instagram reply stays "sent" until it is seen. */
  instagramSentHint: string;
}

/**
 * A reply's delivery as the channel reports it. Instagram sends read receipts (`messaging_seen`) but no
 * delivery receipts (`message_deliveries` is Messenger's only), so an Instagram reply goes from "sent"
 * to "seen" and never claims "delivered".
 */
export function deliveryLabel(
  status: Status,
  channel: string,
  words: DeliveryWords,
): { text: string; hint: string | null } {
  if (channel !== "instagram") return { text: words[status], hint: null };
  if (status === "read") return { text: words.seen, hint: null };
  if (status === "sent" || status === "delivered") {
    return { text: words.sent, hint: words.instagramSentHint };
  }
  return { text: words[status], hint: null };
}
