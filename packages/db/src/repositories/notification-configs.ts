import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { newUuid } from "../lib/ids";
import { clampLimit } from "../lib/page";
import type { Page, PageRequest } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryAll, queryPage } from "../lib/query";
import { buildUpdate } from "../lib/update-expression";
import {
  createNotificationConfigInputSchema,
  notificationConfigSchema,
  updateNotificationConfigInputSchema,
} from "../schemas/notification-config";
import type {
  CreateNotificationConfigInput,
  NotificationConfig,
  UpdateNotificationConfigInput,
} from "../schemas/notification-config";
import { secretNames } from "../secrets/names";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import type { SecretsRepository } from "./secrets";
import { versionCondition } from "./version-condition";

type Item = Record<string, unknown>;

const TABLE = tableDefinition("notificationConfigs");
const LIST_PK = "NOTIFICATION";
const ACTIVE_PK = "ACTIVE";
const LIST_KEYS = keyAttributes(TABLE, "list-index");

const toConfig = (item: Item): NotificationConfig =>
  parseItem(
    notificationConfigSchema,
    { agent_ids: [], version: 0, ...item },
    "notification config",
    String(item.config_id),
  );

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
  const TableName = db.tables.notificationConfigs;

  const get = async (configId: string): Promise<NotificationConfig | null> => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { config_id: configId }, ConsistentRead: true }),
    );
    return out.Item ? toConfig(out.Item) : null;
  };

  const listActive = (): Promise<NotificationConfig[]> =>
    queryAll(
      db,
      {
        TableName,
        IndexName: "active-index",
        KeyConditionExpression: "active_pk = :active",
        ExpressionAttributeValues: { ":active": ACTIVE_PK },
      },
      toConfig,
      ctx.queryPageSize,
    );

  const putBotToken = (name: string, botToken: string) =>
    secrets.put(name, { bot_token: botToken, created_at: ctx.now().toISOString() });

  return {
    get,
    listActive,

    /** Active configs that alert for this agent (an empty agentIds list means every agent). */
    async listActiveForAgent(agentId: string): Promise<NotificationConfig[]> {
      return (await listActive()).filter(
        (config) => config.agentIds.length === 0 || config.agentIds.includes(agentId),
      );
    },

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

    /** Oldest first. */
    list(request: PageRequest = {}): Promise<Page<NotificationConfig>> {
      return queryPage(db, {
        input: {
          TableName,
          IndexName: "list-index",
          KeyConditionExpression: "list_pk = :pk",
          ExpressionAttributeValues: { ":pk": LIST_PK },
        },
        keys: LIST_KEYS,
        scope: "notificationConfigs:list",
        cursor: request.cursor,
        limit: clampLimit(request.limit),
        map: toConfig,
        pageSize: ctx.queryPageSize,
      });
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
