import type { Db } from "../client/db";
import type { RepositoryContext } from "./context";
import { createNotificationConfigReads } from "./notification-config-reads";
import { createNotificationConfigWrites } from "./notification-config-writes";
import type { SecretsRepository } from "./secrets";

/**
 * Escalation alert recipients (Telegram chats). The bot token lives in the secret store under the
 * reference's name `doctor-agent/notifications/{config_id}/bot-token` as `{bot_token, created_at}`.
 * `active_pk` exists only while active, so alert fan-out reads a sparse index instead of scanning.
 */
export function createNotificationConfigsRepository(
  db: Db,
  ctx: RepositoryContext,
  secrets: SecretsRepository,
) {
  const reads = createNotificationConfigReads(db, ctx);
  const { get } = reads;

  return {
    ...reads,
    ...createNotificationConfigWrites(db, ctx, secrets, get),

    /** Explicit secret read for sending an alert; null if the config or its secret is gone. */
    async getBotToken(configId: string): Promise<string | null> {
      const config = await get(configId);
      if (!config) return null;
      const value = await secrets.get(config.botTokenSecretName);
      if (typeof value === "string") return value;
      return typeof value?.bot_token === "string" ? value.bot_token : null;
    },
  };
}

export type NotificationConfigsRepository = ReturnType<typeof createNotificationConfigsRepository>;
