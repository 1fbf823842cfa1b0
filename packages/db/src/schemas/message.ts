import { z } from "zod";
import { channelTypeSchema } from "./channel-binding";

export const messageRoleSchema = z.enum(["user", "agent", "admin", "system"]);
export type MessageRole = z.infer<typeof messageRoleSchema>;

export const messageKindSchema = z.enum([
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
]);
export type MessageKind = z.infer<typeof messageKindSchema>;

export const deliveryStatusSchema = z.enum([
  "pending",
  "sent",
  "delivered",
  "failed",
  "not_applicable",
]);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const messageSchema = z.object({
  /** ULID: the sort key, so a conversation reads in arrival order. */
  messageId: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  role: messageRoleSchema,
  content: z.string(),
  channel: channelTypeSchema,
  kind: messageKindSchema.default("text"),
  /** When it happened on the platform (ISO); the id orders by arrival. */
  timestamp: z.string(),
  externalMessageId: z.string().optional(),
  externalUserId: z.string().optional(),
  /** The admin user who wrote an admin message. */
  authorId: z.string().optional(),
  deliveryStatus: deliveryStatusSchema.optional(),
  deliveryError: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  expiresAt: z.number().optional(),
});
export type Message = z.infer<typeof messageSchema>;

export const appendMessageInputSchema = z.object({
  conversationId: z.string().min(1),
  agentId: z.string().min(1),
  role: messageRoleSchema,
  content: z.string(),
  channel: channelTypeSchema,
  kind: messageKindSchema.optional(),
  externalMessageId: z.string().optional(),
  externalUserId: z.string().optional(),
  authorId: z.string().optional(),
  deliveryStatus: deliveryStatusSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  timestamp: z.union([z.date(), z.iso.datetime()]).optional(),
});
export type AppendMessageInput = z.input<typeof appendMessageInputSchema>;
