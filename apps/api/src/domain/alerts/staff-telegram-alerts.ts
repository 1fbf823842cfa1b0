import type { AlertLanguage } from "@agents-crm/config/notifications";
import type { Logger } from "../../logger";
import type { TelegramBotApi } from "../../platforms/telegram-bot-api";
import type { AlertReads } from "./sweep-reads";
import { withTelegramRetries, type RetryPolicy } from "./telegram-retry";

export interface StaffTelegramOptions {
  repos: Pick<AlertReads, "notificationConfigs">;
  telegram: Pick<TelegramBotApi, "sendMessage">;
  retry: RetryPolicy;
  log: Logger;
}

/**
 * A message for one staff member (a mention, an assignment) to their own alert chats: the active chats
 * marked as theirs ("Whose chat") that cover the conversation's agent, each in its language. None: nothing is sent.
 */
export async function sendStaffTelegramAlert(
  options: StaffTelegramOptions,
  /** No `userId`: every active alert chat of the agent (a channel's token problem). */
  target: { userId?: string; agentId: string },
  textFor: (language: AlertLanguage) => string,
): Promise<number> {
  const { repos, telegram, log } = options;
  const configs = (await repos.notificationConfigs.listActiveForAgent(target.agentId)).filter(
    (config) => target.userId === undefined || config.staffUserId === target.userId,
  );
  const sent = await Promise.all(
    configs.map(async (config) => {
      const token = await repos.notificationConfigs.getBotToken(config.configId);
      if (!token) return false;
      try {
        await withTelegramRetries(
          () =>
            telegram.sendMessage(token, {
              chat_id: config.chatId,
              text: textFor(config.language),
              link_preview_options: { is_disabled: true },
            }),
          options.retry,
        );
        return true;
      } catch (error) {
        log.warn("telegram staff alert failed", { configId: config.configId, error });
        return false;
      }
    }),
  );
  return sent.filter(Boolean).length;
}
