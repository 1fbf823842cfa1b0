import type { AttachmentDelivery } from "@agents-crm/config/outbound-media";
import type { Message } from "@agents-crm/db";

/**
 * Where one file of a message stands, for its attachment view: its own record once delivery tried it,
 * else the message's (pending while queued; a message that failed before any file was tried failed them
 * all). Undefined for messages that are not delivered by a platform (web chat, customers' messages).
 */
export function fileDeliveryOf(
  message: Pick<Message, "deliveryStatus" | "deliveryError" | "attachmentDelivery">,
  fileId: string,
): AttachmentDelivery | undefined {
  const own = message.attachmentDelivery?.[fileId];
  if (own) return own;
  switch (message.deliveryStatus) {
    case "pending":
      return { status: "pending" };
    case "sent":
    case "delivered":
    case "read":
      return { status: "sent" };
    case "failed":
      return {
        status: "failed",
        ...(message.deliveryError ? { error: message.deliveryError } : {}),
      };
    case "not_applicable":
    case undefined:
      return undefined;
  }
}
