import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { clampLimit } from "../lib/page";
import type { Page, PageRequest } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryAll, queryPage } from "../lib/query";
import { notificationConfigSchema } from "../schemas/notification-config";
import type { NotificationConfig } from "../schemas/notification-config";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";

type Item = Record<string, unknown>;

const TABLE = tableDefinition("notificationConfigs");
export const LIST_PK = "NOTIFICATION";
export const ACTIVE_PK = "ACTIVE";
const LIST_KEYS = keyAttributes(TABLE, "list-index");

export const toConfig = (item: Item): NotificationConfig =>
  parseItem(
    notificationConfigSchema,
    { agent_ids: [], version: 0, ...item },
    "notification config",
    String(item.config_id),
  );

/** Alert recipients by id, all of them (oldest first), and the active ones (the sparse index). */
export function createNotificationConfigReads(db: Db, ctx: RepositoryContext) {
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

  return {
    get,
    listActive,

    /** Active configs that alert for this agent (an empty agentIds list means every agent). */
    async listActiveForAgent(agentId: string): Promise<NotificationConfig[]> {
      return (await listActive()).filter(
        (config) => config.agentIds.length === 0 || config.agentIds.includes(agentId),
      );
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
  };
}
