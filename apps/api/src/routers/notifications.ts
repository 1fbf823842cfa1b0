import { z } from "zod";
import type { TRPCRouterRecord } from "@trpc/server";
import { alertLanguageSchema } from "@agents-crm/db";
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
/** Telegram chat ids are integers (negative for groups) or @channelusername. */
const chatId = z
  .union([z.number().int(), z.string()])
  .transform((value) => String(value).trim())
  .pipe(
    z
      .string()
      .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, "must be a Telegram chat id or @channelname"),
  );
const botToken = z.string().trim().min(1).max(256);

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
        description: z.string().trim().max(500).optional(),
        /** Empty or absent: every agent's escalations. */
        agentIds: z.array(agentIdSchema).max(100).optional(),
        /** The language of this chat's alerts (default English). */
        language: alertLanguageSchema.optional(),
        isActive: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => createNotificationConfig(ctx, input)),

  update: adminProcedure
    .input(
      z.object({
        configId,
        chatId: chatId.optional(),
        botToken: botToken.optional(),
        description: z.string().trim().max(500).optional(),
        agentIds: z.array(agentIdSchema).max(100).optional(),
        language: alertLanguageSchema.optional(),
        isActive: z.boolean().optional(),
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
