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
  "failed",
  "not_applicable",
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;
