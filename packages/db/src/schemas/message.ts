import { deliveryFailureSchema } from "@agents-crm/config/binding-errors";
import { messageMetadataSchema } from "@agents-crm/config/message-metadata";
import {
  deliveryReasonSchema,
  deliveryStatusSchema,
  messageKindSchema,
  messageRoleSchema,
} from "@agents-crm/config/messages";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "@agents-crm/config/attachments";
import { z } from "zod";
import { channelSchema } from "@agents-crm/config/channels";
import { attachmentDeliverySchema } from "@agents-crm/config/outbound-media";

export const messageSchema = z.object({
  /** ULID: the sort key, so a conversation reads in arrival order. */
  messageId: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  role: messageRoleSchema,
  content: z.string(),
  channel: channelSchema,
  kind: messageKindSchema.default("text"),
  /** When it happened on the platform (ISO); the id orders by arrival. */
  timestamp: z.string(),
  externalMessageId: z.string().optional(),
  externalUserId: z.string().optional(),
  /** The admin user who wrote an admin message. */
  authorId: z.string().optional(),
  deliveryStatus: deliveryStatusSchema.optional(),
  deliveryError: z.string().optional(),
  /** Why the product could not send it, for the console to word in its language (absent: the platform's words). */
  deliveryFailure: deliveryFailureSchema.optional().catch(undefined),
  /** The platform's code and words when it reported the message failed (WhatsApp statuses, Twilio). */
  deliveryReason: deliveryReasonSchema.optional().catch(undefined),
  /** When the platform reported the current status (delivered, read, failed), ISO. */
  deliveryStatusAt: z.string().optional(),
  /** A staff message's files, by fileId: each one's own delivery (sent, failed with the platform's reason). */
  attachmentDelivery: z.record(z.string(), attachmentDeliverySchema).optional(),
  /** Read through the shared schema: what an older row holds that does not match reads as absent. */
  metadata: messageMetadataSchema.catch({}),
  /** Files attached to the message (the files table); views are built from their records. */
  fileIds: z.array(z.string()).optional(),
  expiresAt: z.number().optional(),
});
export type Message = z.infer<typeof messageSchema>;

export const appendMessageInputSchema = z.object({
  conversationId: z.string().min(1),
  agentId: z.string().min(1),
  role: messageRoleSchema,
  content: z.string(),
  channel: channelSchema,
  kind: messageKindSchema.optional(),
  externalMessageId: z.string().optional(),
  externalUserId: z.string().optional(),
  authorId: z.string().optional(),
  deliveryStatus: deliveryStatusSchema.optional(),
  metadata: messageMetadataSchema.optional(),
  fileIds: z.array(z.string()).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
  timestamp: z.union([z.date(), z.iso.datetime()]).optional(),
});
export type AppendMessageInput = z.input<typeof appendMessageInputSchema>;
