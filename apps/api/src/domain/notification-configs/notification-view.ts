import type { NotificationConfig } from "@agents-crm/db";

/** A Telegram alert chat as the console sees it: never the bot token or its secret's name. */
export function toNotificationView(config: NotificationConfig) {
  return {
    configId: config.configId,
    notificationType: config.notificationType,
    chatId: config.chatId,
    isActive: config.isActive,
    description: config.description ?? null,
    agentIds: config.agentIds,
    language: config.language,
    staffUserId: config.staffUserId ?? null,
    createdAt: config.createdAt,
    updatedAt: config.updatedAt,
    createdBy: config.createdBy ?? null,
    version: config.version,
  };
}
export type NotificationView = ReturnType<typeof toNotificationView>;
