import type { ServerEnv } from "@agents-crm/config/env";
import type { Repositories } from "@agents-crm/db";
import type { Logger } from "../../logger";
import type { TelegramBotApi } from "../../platforms/telegram-bot-api";
import type { NotificationConfig } from "@agents-crm/db";
import {
  assignmentAlertText,
  conversationLink,
  telegramAlertText,
  type AlertFacts,
} from "./alert-text";
import { withTelegramRetries, type RetryPolicy } from "./telegram-retry";

export interface TelegramAlertsOptions {
  env: Pick<ServerEnv, "APP_URL">;
  repos: Pick<Repositories, "notificationConfigs">;
  telegram: Pick<TelegramBotApi, "sendMessage">;
  retry: RetryPolicy;
  log: Logger;
}

/**
 * The alert to each active alert chat of the conversation's agent, in the chat's language, retried; a
 * chat that cannot be reached is logged and the others still get theirs. A re-alert of an assigned
 * conversation goes to the assignee's own chats first, then to the others.
 */
export async function sendTelegramAlerts(
  options: TelegramAlertsOptions,
  facts: AlertFacts,
): Promise<void> {
  const { conversationId, agentId, assigneeId } = facts.conversation;
  const configs = await options.repos.notificationConfigs.listActiveForAgent(agentId);
  const link = conversationLink(options.env.APP_URL, conversationId);
  const text = (config: NotificationConfig) => telegramAlertText(facts, link, config.language);
  const assignees = assigneeId ? configs.filter((c) => c.staffUserId === assigneeId) : [];
  if (facts.waitingMinutes !== undefined && assignees.length > 0) {
    await sendToChats(options, assignees, conversationId, text);
    await sendToChats(
      options,
      configs.filter((c) => !assignees.includes(c)),
      conversationId,
      text,
    );
    return;
  }
  await sendToChats(options, configs, conversationId, text);
}

/** Tells the assignee, in their own active alert chats (any agent's), that a conversation is theirs now. */
export async function sendAssignmentAlert(
  options: TelegramAlertsOptions,
  facts: Pick<AlertFacts, "conversation" | "agentName"> & { actorName: string },
): Promise<void> {
  const { conversationId, assigneeId } = facts.conversation;
  if (!assigneeId) return;
  const configs = (
    await options.repos.notificationConfigs.listActiveForAgent(facts.conversation.agentId)
  ).filter((config) => config.staffUserId === assigneeId);
  const link = conversationLink(options.env.APP_URL, conversationId);
  await sendToChats(options, configs, conversationId, (config) =>
    assignmentAlertText(facts, link, config.language),
  );
}

async function sendToChats(
  options: TelegramAlertsOptions,
  configs: readonly NotificationConfig[],
  conversationId: string,
  text: (config: NotificationConfig) => string,
): Promise<void> {
  const { repos, telegram, log } = options;
  await Promise.all(
    configs.map(async (config) => {
      const token = await repos.notificationConfigs.getBotToken(config.configId);
      if (!token) {
        log.warn("alert chat has no bot token", { configId: config.configId });
        return;
      }
      try {
        await withTelegramRetries(
          () =>
            telegram.sendMessage(token, {
              chat_id: config.chatId,
              text: text(config),
              link_preview_options: { is_disabled: true },
            }),
          options.retry,
        );
      } catch (error) {
        log.warn("telegram escalation alert failed", {
          configId: config.configId,
          conversationId,
          error,
        });
      }
    }),
  );
}
