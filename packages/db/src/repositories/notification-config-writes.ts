import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { newUuid } from "../lib/ids";
import { buildUpdate } from "../lib/update-expression";
import {
  createNotificationConfigInputSchema,
  updateNotificationConfigInputSchema,
} from "../schemas/notification-config";
import type {
  CreateNotificationConfigInput,
  NotificationConfig,
  UpdateNotificationConfigInput,
} from "../schemas/notification-config";
import { secretNames } from "../secrets/names";
import type { RepositoryContext } from "./context";
import { ACTIVE_PK, LIST_PK, toConfig } from "./notification-config-reads";
import type { SecretsRepository } from "./secrets";
import { versionCondition } from "./version-condition";

/** Creating, changing and removing alert recipients: the row and its bot token secret together. */
export function createNotificationConfigWrites(
  db: Db,
  ctx: RepositoryContext,
  secrets: SecretsRepository,
  get: (configId: string) => Promise<NotificationConfig | null>,
) {
  const TableName = db.tables.notificationConfigs;

  const putBotToken = (name: string, botToken: string) =>
    secrets.put(name, { bot_token: botToken, created_at: ctx.now().toISOString() });

  return {
    async create(input: CreateNotificationConfigInput): Promise<NotificationConfig> {
      const parsed = createNotificationConfigInputSchema.parse(input);
      const configId = newUuid();
      const now = ctx.now().toISOString();
      const config: NotificationConfig = {
        configId,
        notificationType: parsed.notificationType,
        chatId: parsed.chatId,
        isActive: parsed.isActive ?? true,
        description: parsed.description,
        agentIds: parsed.agentIds ?? [],
        language: parsed.language ?? "en",
        staffUserId: parsed.staffUserId,
        botTokenSecretName: secretNames.notificationBotToken(configId),
        createdAt: now,
        updatedAt: now,
        createdBy: parsed.createdBy,
        version: 1,
      };
      await putBotToken(config.botTokenSecretName, parsed.botToken);
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            ...toItemKeys(config),
            list_pk: LIST_PK,
            active_pk: config.isActive ? ACTIVE_PK : undefined,
            created_sort: `${now}#${configId}`,
          },
          ConditionExpression: "attribute_not_exists(config_id)",
        }),
      );
      return config;
    },

    async update(
      configId: string,
      input: UpdateNotificationConfigInput,
    ): Promise<NotificationConfig> {
      const parsed = updateNotificationConfigInputSchema.parse(input);
      const version = versionCondition(parsed.expectedVersion);
      const update = buildUpdate(
        toItemKeys({
          chatId: parsed.chatId,
          description: parsed.description,
          agentIds: parsed.agentIds,
          language: parsed.language,
          isActive: parsed.isActive,
          staffUserId: parsed.staffUserId,
          updatedAt: ctx.now().toISOString(),
          // Joining or leaving the sparse active index together with the flag.
          activePk: parsed.isActive === undefined ? undefined : parsed.isActive ? ACTIVE_PK : null,
          // Rows written by the reference lack the index keys: set them so they join the lists.
          listPk: LIST_PK,
        }),
        {
          set: [
            "#v = if_not_exists(#v, :zero) + :one",
            "created_sort = if_not_exists(created_sort, :sort)",
          ],
          names: { "#id": "config_id", "#v": "version", ...version.names },
          values: { ":zero": 0, ":one": 1, ":sort": `0#${configId}`, ...version.values },
        },
      );
      let updated: NotificationConfig;
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { config_id: configId },
            ...update,
            ConditionExpression: ["attribute_exists(#id)", version.expression]
              .filter(Boolean)
              .join(" AND "),
            ReturnValues: "ALL_NEW",
          }),
        );
        updated = toConfig(out.Attributes ?? {});
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        throw (await get(configId))
          ? new VersionConflictError("notification config", configId, parsed.expectedVersion)
          : new NotFoundError("notification config", configId);
      }
      if (parsed.botToken !== undefined)
        await putBotToken(updated.botTokenSecretName, parsed.botToken);
      return updated;
    },

    async delete(configId: string): Promise<boolean> {
      const out = await db.doc.send(
        new DeleteCommand({ TableName, Key: { config_id: configId }, ReturnValues: "ALL_OLD" }),
      );
      if (!out.Attributes) return false;
      await secrets.delete(toConfig(out.Attributes).botTokenSecretName);
      return true;
    },
  };
}
