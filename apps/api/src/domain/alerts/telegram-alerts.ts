import type { ServerEnv } from "@agents-crm/config/env";
import type { Repositories } from "@agents-crm/db";
import type { Logger } from "../../logger";
import type { TelegramBotApi } from "../../platforms/telegram-bot-api";
import { conversationLink, telegramAlertText, type AlertFacts } from "./alert-text";
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
 * chat that cannot be reached is logged and the others still get theirs.
 */
export async function sendTelegramAlerts(
  options: TelegramAlertsOptions,
  facts: AlertFacts,
): Promise<void> {
  const { repos, telegram, log } = options;
  const { conversationId, agentId } = facts.conversation;
  const configs = await repos.notificationConfigs.listActiveForAgent(agentId);
  const link = conversationLink(options.env.APP_URL, conversationId);
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
              text: telegramAlertText(facts, link, config.language),
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
