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
  expectedVersion: z.number().int().optional(),
});
export type UpdateNotificationConfigInput = z.input<typeof updateNotificationConfigInputSchema>;
