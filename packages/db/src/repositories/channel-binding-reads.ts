import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { parseItem } from "../lib/parse-item";
import { queryAll } from "../lib/query";
import { SECRET_LOOKING_KEY, channelBindingSchema } from "../schemas/channel-binding";
import type { ChannelBinding } from "../schemas/channel-binding";
import type { Channel } from "@agents-crm/config/channels";
import type { RepositoryContext } from "./context";

export type Item = Record<string, unknown>;

/**
 * Rows written by the reference may carry app_secret in plain `metadata`; such keys are dropped on read
 * so no listing ever returns them.
 */
export function toBinding(item: Item): ChannelBinding {
  const binding = parseItem(channelBindingSchema, item, "channel binding", String(item.binding_id));
  const metadata = Object.fromEntries(
    Object.entries(binding.metadata).filter(([key]) => !SECRET_LOOKING_KEY.test(key)),
  );
  return { ...binding, metadata };
}

/** Channel binding rows by id, by agent and by platform account; token-free. */
export function createChannelBindingReads(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.channelBindings;

  const getItem = async (bindingId: string): Promise<Item | undefined> => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { binding_id: bindingId }, ConsistentRead: true }),
    );
    return out.Item;
  };

  const get = async (bindingId: string): Promise<ChannelBinding | null> => {
    const item = await getItem(bindingId);
    return item ? toBinding(item) : null;
  };

  const activeFirst = (items: ChannelBinding[]) =>
    [...items].sort((a, b) => Number(b.isActive) - Number(a.isActive));

  return {
    getItem,
    get,

    /** Every binding of an agent (a handful), optionally one channel type / active ones only. */
    async listByAgent(
      agentId: string,
      options: { channelType?: Channel; activeOnly?: boolean } = {},
    ): Promise<ChannelBinding[]> {
      const items = await queryAll(
        db,
        {
          TableName,
          IndexName: "agent_id-index",
          KeyConditionExpression:
            "agent_id = :agent" + (options.channelType ? " AND channel_type = :type" : ""),
          ExpressionAttributeValues: {
            ":agent": agentId,
            ...(options.channelType ? { ":type": options.channelType } : {}),
          },
        },
        toBinding,
        ctx.queryPageSize,
      );
      return options.activeOnly ? items.filter((b) => b.isActive) : items;
    },

    /** Every binding of one platform (background jobs: token refresh); a query, never a scan. */
    async listByChannel(channelType: Channel): Promise<ChannelBinding[]> {
      return queryAll(
        db,
        {
          TableName,
          IndexName: "channel_account-index",
          KeyConditionExpression: "channel_type = :type",
          ExpressionAttributeValues: { ":type": channelType },
        },
        toBinding,
        ctx.queryPageSize,
      );
    },

    /** Bindings of a platform account (webhook routing), active ones first. */
    async findByAccount(channelType: Channel, accountId: string): Promise<ChannelBinding[]> {
      const items = await queryAll(
        db,
        {
          TableName,
          IndexName: "channel_account-index",
          KeyConditionExpression: "channel_type = :type AND channel_account_id = :account",
          ExpressionAttributeValues: { ":type": channelType, ":account": accountId },
        },
        toBinding,
        ctx.queryPageSize,
      );
      return activeFirst(items);
    },
  };
}
