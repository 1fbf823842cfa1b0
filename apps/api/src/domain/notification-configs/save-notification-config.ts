import type { AlertLanguage } from "@agents-crm/config/notifications";
import type { NotificationConfig } from "@agents-crm/db";
import { testAlertText } from "../alerts/alert-text";
import { invalidInput, notFound } from "../errors";
import { recordAudit } from "../audit";
import type { StaffContext } from "../agents/agent-context";
import { telegramFailure, telegramFor } from "../bindings/telegram";
import { toNotificationView, type NotificationView } from "./notification-view";

export interface CreateNotificationInput {
  chatId: string;
  botToken: string;
  description?: string;
  agentIds?: string[];
  language?: AlertLanguage;
  isActive?: boolean;
  staffUserId?: string;
}

export interface UpdateNotificationInput {
  configId: string;
  chatId?: string;
  botToken?: string;
  description?: string;
  agentIds?: string[];
  language?: AlertLanguage;
  isActive?: boolean;
  staffUserId?: string | null;
  expectedVersion?: number;
}

async function getOrThrow(ctx: StaffContext, configId: string): Promise<NotificationConfig> {
  const config = await ctx.deps.repos.notificationConfigs.get(configId);
  if (!config) {
    throw notFound(`Notification config ${configId} not found`);
  }
  return config;
}

/** The token must open a bot (getMe), like the reference checked before storing it. */
async function assertBotToken(ctx: StaffContext, botToken: string): Promise<void> {
  try {
    await telegramFor(ctx.deps).getMe(botToken);
  } catch (error) {
    throw telegramFailure(error, { token: "botToken" });
  }
}

async function assertAgentsExist(ctx: StaffContext, agentIds: string[] | undefined): Promise<void> {
  for (const [index, agentId] of (agentIds ?? []).entries()) {
    if (!(await ctx.deps.repos.agents.get(agentId))) {
      throw invalidInput(["agentIds", index], `unknown agent "${agentId}"`);
    }
  }
}

/** A personal alert chat belongs to an existing staff member. */
async function assertStaffUser(
  ctx: StaffContext,
  userId: string | null | undefined,
): Promise<void> {
  if (!userId) return;
  if (!(await ctx.deps.repos.adminUsers.getById(userId))) {
    throw invalidInput("staffUserId", "no staff member has this id");
  }
}

export async function createNotificationConfig(
  ctx: StaffContext,
  input: CreateNotificationInput,
): Promise<NotificationView> {
  await assertAgentsExist(ctx, input.agentIds);
  await assertStaffUser(ctx, input.staffUserId);
  await assertBotToken(ctx, input.botToken);
  const config = await ctx.deps.repos.notificationConfigs.create({
    ...input,
    notificationType: "telegram",
    createdBy: ctx.principal.id,
  });
  const view = toNotificationView(config);
  await recordAudit(ctx, {
    action: "notification.create",
    resourceType: "notification_config",
    resourceId: config.configId,
    newValue: view,
  });
  return view;
}

export async function updateNotificationConfig(
  ctx: StaffContext,
  input: UpdateNotificationInput,
): Promise<NotificationView> {
  const current = await getOrThrow(ctx, input.configId);
  await assertAgentsExist(ctx, input.agentIds);
  await assertStaffUser(ctx, input.staffUserId);
  if (input.botToken !== undefined) await assertBotToken(ctx, input.botToken);
  const { configId, ...patch } = input;
  const updated = await ctx.deps.repos.notificationConfigs.update(configId, patch);
  const view = toNotificationView(updated);
  await recordAudit(ctx, {
    action: "notification.update",
    resourceType: "notification_config",
    resourceId: configId,
    oldValue: toNotificationView(current),
    newValue: view,
    metadata: { tokenChanged: input.botToken !== undefined },
  });
  return view;
}

export async function deleteNotificationConfig(ctx: StaffContext, configId: string) {
  const current = await getOrThrow(ctx, configId);
  await ctx.deps.repos.notificationConfigs.delete(configId);
  await recordAudit(ctx, {
    action: "notification.delete",
    resourceType: "notification_config",
    resourceId: configId,
    oldValue: toNotificationView(current),
  });
  return { configId, deleted: true as const };
}

/** Sends a test message to the chat with the config's own bot, so the admin sees the whole path work. */
export async function testNotificationConfig(ctx: StaffContext, configId: string) {
  const config = await getOrThrow(ctx, configId);
  const token = await ctx.deps.repos.notificationConfigs.getBotToken(configId);
  if (!token)
    throw invalidInput("configId", "this config has no stored bot token: set botToken again");
  const text = testAlertText(config.language, ctx.deps.env.APP_NAME, config.agentIds);
  let messageId: number;
  try {
    messageId = (await telegramFor(ctx.deps).sendMessage(token, { chat_id: config.chatId, text }))
      .message_id;
  } catch (error) {
    throw telegramFailure(error, { token: "configId", chat: "chatId" });
  }
  await recordAudit(ctx, {
    action: "notification.test",
    resourceType: "notification_config",
    resourceId: configId,
    metadata: { chatId: config.chatId, messageId },
  });
  return { configId, status: "sent" as const, messageId, isActive: config.isActive };
}
