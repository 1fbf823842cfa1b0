import type { ServerEnv } from "@agents-crm/config/env";
import type { Logger } from "../../logger";
import type { TelegramBotApi } from "../../platforms/telegram-bot-api";
import type { NotificationConfig } from "@agents-crm/db";
import {
  assignmentAlertText,
  conversationLink,
  telegramAlertText,
  type AlertFacts,
} from "./alert-text";
import type { AlertReads } from "./sweep-reads";
import { withTelegramRetries, type RetryPolicy } from "./telegram-retry";

export interface TelegramAlertsOptions {
  env: Pick<ServerEnv, "APP_URL">;
  repos: Pick<AlertReads, "notificationConfigs" | "adminUsers">;
  telegram: Pick<TelegramBotApi, "sendMessage">;
  retry: RetryPolicy;
  log: Logger;
}

/**
 * An escalation alert (first or re-alert), in each chat's language, retried; a chat that cannot be
 * reached is logged and the others still get theirs. A conversation someone handles is theirs: when its
 * assignee (an active account) has alert chats of their own, the first alert goes there only, and a
 * re-alert (nobody answered) there first, then to the team's; otherwise — unassigned, or an assignee
 * without chats — every active alert chat of the agent gets it.
 */
export async function sendTelegramAlerts(
  options: TelegramAlertsOptions,
  facts: AlertFacts,
): Promise<void> {
  const { conversationId, agentId, assigneeId } = facts.conversation;
  const configs = await options.repos.notificationConfigs.listActiveForAgent(agentId);
  const link = conversationLink(options.env.APP_URL, conversationId);
  const text = (config: NotificationConfig) => telegramAlertText(facts, link, config.language);
  const own = await assigneeChats(options.repos, configs, assigneeId);
  if (own.length === 0) {
    await sendToChats(options, configs, conversationId, text);
    return;
  }
  await sendToChats(options, own, conversationId, text);
  // Still waiting after the assignee was told: the re-alert goes on to the team.
  if (facts.waitingMinutes !== undefined) {
    const others = configs.filter((config) => !own.includes(config));
    await sendToChats(options, others, conversationId, text);
  }
}

/** The assignee's own alert chats, when the assignee is an active account; none otherwise. */
async function assigneeChats(
  repos: Pick<AlertReads, "adminUsers">,
  configs: readonly NotificationConfig[],
  assigneeId: string | undefined,
): Promise<readonly NotificationConfig[]> {
  const own = assigneeId ? configs.filter((c) => c.staffUserId === assigneeId) : [];
  if (own.length === 0 || !assigneeId) return [];
  // A deactivated assignee reads no alerts: the team hears of the conversation instead.
  const assignee = await repos.adminUsers.getById(assigneeId);
  return assignee?.isActive ? own : [];
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
