import { alertLanguageSchema } from "@agents-crm/config/notifications";
import { z } from "zod";

export const notificationConfigSchema = z.object({
  configId: z.string(),
  notificationType: z.literal("telegram"),
  chatId: z.string(),
  isActive: z.boolean(),
  description: z.string().optional(),
  /** Empty: every agent's escalations. */
  agentIds: z.array(z.string()),
  /** Rows written before the field existed (and by the reference) read as English. */
  language: alertLanguageSchema.default("en"),
  botTokenSecretName: z.string(),
  /** A staff member's own chat: they also get their assignments here, and their conversations' re-alerts first. */
  staffUserId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().optional(),
  version: z.number().int(),
});
export type NotificationConfig = z.infer<typeof notificationConfigSchema>;

export const createNotificationConfigInputSchema = z.object({
  notificationType: z.literal("telegram").default("telegram"),
  chatId: z.string().trim().min(1),
  botToken: z.string().trim().min(1),
  description: z.string().optional(),
  agentIds: z.array(z.string().min(1)).optional(),
  language: alertLanguageSchema.optional(),
  isActive: z.boolean().optional(),
  staffUserId: z.string().min(1).optional(),
  createdBy: z.string().optional(),
});
export type CreateNotificationConfigInput = z.input<typeof createNotificationConfigInputSchema>;

export const updateNotificationConfigInputSchema = z.object({
  chatId: z.string().trim().min(1).optional(),
  botToken: z.string().trim().min(1).optional(),
  description: z.string().optional(),
  agentIds: z.array(z.string().min(1)).optional(),
  language: alertLanguageSchema.optional(),
  isActive: z.boolean().optional(),
  /** `null`: no longer anyone's own chat. */
  staffUserId: z.string().min(1).nullable().optional(),
  expectedVersion: z.number().int().optional(),
});
export type UpdateNotificationConfigInput = z.input<typeof updateNotificationConfigInputSchema>;
