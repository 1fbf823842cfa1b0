import { z } from "zod";

/**
 * The roles of the conversation with the customer. A `note` is a staff-only message stored in the same
 * transcript: never shown to the customer, sent on a channel, given to a model or counted as a message.
 */
export const CONVERSATION_ROLES = ["user", "agent", "admin", "system"] as const;
export const MESSAGE_ROLES = [...CONVERSATION_ROLES, "note"] as const;
export const messageRoleSchema = z.enum(MESSAGE_ROLES);
export type MessageRole = z.infer<typeof messageRoleSchema>;

export const MESSAGE_KINDS = [
  "text",
  "photo",
  "video",
  "audio",
  "voice",
  "sticker",
  "file",
  "reaction",
  "edit",
  "unsend",
  "location",
  "contact",
  "unsupported",
] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKindSchema>;

export const DELIVERY_STATUSES = [
  "pending",
  "sent",
  "delivered",
  "read",
  "failed",
  "not_applicable",
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/**
 * What a platform reports later about a message we sent (WhatsApp `statuses[]`, Twilio status
 * callbacks, Instagram reads): recorded through the API's one `recordDeliveryStatus`.
 */
export const PLATFORM_DELIVERY_STATUSES = ["sent", "delivered", "read", "failed"] as const;
export const platformDeliveryStatusSchema = z.enum(PLATFORM_DELIVERY_STATUSES);
export type PlatformDeliveryStatus = z.infer<typeof platformDeliveryStatusSchema>;

/**
 * A status only moves forward (read > delivered > sent); a failure is final. Statuses arrive out of
 * order (Meta and Twilio promise no order), so a late "delivered" must not hide a "read".
 */
export const DELIVERY_STATUS_RANK: Record<PlatformDeliveryStatus, number> = {
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

export const DELIVERY_REASON_CODE_MAX = 64;
export const DELIVERY_REASON_MESSAGE_MAX = 500;

/**
 * Why the platform did not deliver: its error code (Meta `131026`, Twilio `63016`; kept as text) and
 * its own words, shown to staff as they are.
 */
export const deliveryReasonSchema = z.object({
  code: z
    .union([z.string(), z.number().int()])
    .transform((code) => String(code).slice(0, DELIVERY_REASON_CODE_MAX)),
  message: z.string().transform((message) => message.slice(0, DELIVERY_REASON_MESSAGE_MAX)),
});
export type DeliveryReason = z.output<typeof deliveryReasonSchema>;
