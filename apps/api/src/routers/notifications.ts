import { z } from "zod";
import type { TRPCRouterRecord } from "@trpc/server";
import { TELEGRAM_BOT_TOKEN_PATTERN } from "@agents-crm/config/channels";
import {
  alertLanguageSchema,
  MAX_BOT_TOKEN,
  MAX_NOTIFICATION_AGENTS,
  MAX_NOTIFICATION_DESCRIPTION,
  telegramChatIdSchema,
} from "@agents-crm/config/notifications";
import { toNotificationView } from "../domain/notification-configs/notification-view";
import {
  createNotificationConfig,
  deleteNotificationConfig,
  testNotificationConfig,
  updateNotificationConfig,
} from "../domain/notification-configs/save-notification-config";
import { adminProcedure } from "../trpc";
import { agentIdSchema } from "./agents";
import { idSchema } from "./input-schemas";

const configId = idSchema;
const chatId = telegramChatIdSchema;
const botToken = z
  .string()
  .trim()
  .min(1)
  .max(MAX_BOT_TOKEN)
  .regex(TELEGRAM_BOT_TOKEN_PATTERN, "Not a bot token from BotFather (123456789:AA…)");
const description = z.string().trim().max(MAX_NOTIFICATION_DESCRIPTION);
/** Empty or absent: every agent's escalations. */
const agentIds = z.array(agentIdSchema).max(MAX_NOTIFICATION_AGENTS);

/** Telegram chats that receive escalation alerts. Bot tokens go in, never come out. */
export const notificationsRouter = {
  list: adminProcedure
    .input(
      z
        .object({
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(100).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.repos.notificationConfigs.list(input);
      return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor };
    }),

  create: adminProcedure
    .input(
      z.object({
        chatId,
        botToken,
        description: description.optional(),
        agentIds: agentIds.optional(),
        /** The language of this chat's alerts (default English). */
        language: alertLanguageSchema.optional(),
        isActive: z.boolean().optional(),
        /** A staff member's own chat: their assignments, and their conversations' re-alerts first. */
        staffUserId: idSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createNotificationConfig(ctx, input)),

  update: adminProcedure
    .input(
      z.object({
        configId,
        chatId: chatId.optional(),
        botToken: botToken.optional(),
        description: description.optional(),
        agentIds: agentIds.optional(),
        language: alertLanguageSchema.optional(),
        isActive: z.boolean().optional(),
        staffUserId: idSchema.nullable().optional(),
        expectedVersion: z.number().int().min(0).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateNotificationConfig(ctx, input)),

  delete: adminProcedure
    .input(z.object({ configId }))
    .mutation(({ ctx, input }) => deleteNotificationConfig(ctx, input.configId)),

  /** Sends a test message to the chat with the config's own bot token. */
  test: adminProcedure
    .input(z.object({ configId }))
    .mutation(({ ctx, input }) => testNotificationConfig(ctx, input.configId)),
} satisfies TRPCRouterRecord;
