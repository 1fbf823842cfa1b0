import { DeleteCommand, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { batchDeleteAll } from "../lib/batch-write";
import { isConditionalCheckFailed } from "../lib/errors";
import type { RepositoryContext } from "./context";
import { DEAD_PK } from "./inbound-event-items";
import { markerKey } from "./read-markers";

type Item = Record<string, unknown>;

/** Every item of a Query (keys only when `keys` is given), following all pages, expired ones included. */
async function queryItems(db: Db, input: ConstructorParameters<typeof QueryCommand>[0]) {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

const pick = (item: Item, names: readonly string[]): Item =>
  Object.fromEntries(names.map((name) => [name, item[name]]));

/**
 * Deletes for the right to erasure: every item that belongs to one conversation or one person, each
 * found by key or through an index — never by scanning a table — and deleted whether or not it has
 * expired yet (an expired item still holds the data until TTL or the sweeper removes it). The domain
 * (apps/api/src/domain/privacy) decides what to erase; this only knows where things are kept.
 */
export function createErasureRepository(db: Db, _ctx: RepositoryContext) {
  const { tables } = db;

  const deleteKeys = (tableName: string, keys: readonly Item[]) =>
    batchDeleteAll(db, tableName, keys);

  return {
    /** The conversation item, and its find-or-create lookup item while that still points at it. */
    async deleteConversation(conversationId: string): Promise<boolean> {
      const out = await db.doc.send(
        new GetCommand({
          TableName: tables.conversations,
          Key: { conversation_id: conversationId },
          ConsistentRead: true,
        }),
      );
      const lookupKey: unknown = out.Item?.lookup_key;
      if (typeof lookupKey === "string") {
        try {
          await db.doc.send(
            new DeleteCommand({
              TableName: tables.conversations,
              Key: { conversation_id: lookupKey },
              // A later conversation of the same person may own the lookup already: it stays.
              ConditionExpression: "target_id = :id",
              ExpressionAttributeValues: { ":id": conversationId },
            }),
          );
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
      if (!out.Item) return false;
      await db.doc.send(
        new DeleteCommand({
          TableName: tables.conversations,
          Key: { conversation_id: conversationId },
        }),
      );
      return true;
    },

    /**
     * Ids of every message of the conversation (expired ones too), their platform ids, and the key of
     * the inbox item that brought each in (`metadata.inboxEventKey`: a channel event, whose key — e.g.
     * Telegram's `update_id` — the platform id does not give back, or a web-chat turn).
     */
    async messageRefs(conversationId: string): Promise<
      {
        messageId: string;
        externalMessageId?: string;
        inboxEventKey?: string;
        /** The sender's platform-scoped id beside the conversation key (a WhatsApp BSUID). */
        senderUserId?: string;
      }[]
    > {
      const items = await queryItems(db, {
        TableName: tables.messages,
        KeyConditionExpression: "conversation_id = :c",
        ExpressionAttributeValues: { ":c": conversationId },
        ProjectionExpression: "message_id, external_message_id, metadata",
      });
      return items.map((item) => {
        const metadata = item.metadata as Item | undefined;
        const inboxEventKey = metadata?.inboxEventKey;
        const senderUserId = (metadata?.sender as Item | undefined)?.userId;
        return {
          messageId: String(item.message_id),
          ...(typeof item.external_message_id === "string"
            ? { externalMessageId: item.external_message_id }
            : {}),
          ...(typeof inboxEventKey === "string" ? { inboxEventKey } : {}),
          ...(typeof senderUserId === "string" ? { senderUserId } : {}),
        };
      });
    },

    /**
     * Inbox items by key whatever their state, and the items still queued in one ordering group
     * (`order-index`: written only while queued, so a tiny partition). For jobs that carry nothing but ids
     * and whose worker does nothing once the conversation is gone (web-chat turns): deleting one a process
     * holds only makes that process drop its lease.
     */
    async deleteInboxItems(eventKeys: readonly string[], orderKey?: string): Promise<number> {
      const queued = orderKey
        ? await queryItems(db, {
            TableName: tables.inboundEvents,
            IndexName: "order-index",
            KeyConditionExpression: "order_key = :o",
            ExpressionAttributeValues: { ":o": orderKey },
            ProjectionExpression: "event_key",
          })
        : [];
      const keys = new Set([...eventKeys, ...queued.map((item) => String(item.event_key))]);
      return deleteKeys(
        tables.inboundEvents,
        [...keys].map((event_key) => ({ event_key })),
      );
    },

    /**
     * Dead letters of these inbox ordering groups (a customer's events that failed for good, each
     * still holding what the customer wrote): a Query of the dead letters' own sparse index, which
     * holds failures only, filtered by group.
     */
    async deleteDeadLetters(orderGroups: readonly string[]): Promise<number> {
      const groups = [...new Set(orderGroups)];
      if (groups.length === 0) return 0;
      const values: Item = { ":dead": DEAD_PK };
      groups.forEach((group, i) => (values[`:g${i}`] = group));
      const dead = await queryItems(db, {
        TableName: tables.inboundEvents,
        IndexName: "dead-index",
        KeyConditionExpression: "dead_pk = :dead",
        FilterExpression: `order_group IN (${groups.map((_, i) => `:g${i}`).join(", ")})`,
        ExpressionAttributeValues: values,
        ProjectionExpression: "event_key",
      });
      return deleteKeys(
        tables.inboundEvents,
        dead.map((item) => ({ event_key: item.event_key })),
      );
    },

    /**
     * Settled webhook inbox items by their event keys (`platform#scope#external id`); items still queued
     * are left to run (deleting work in flight would only make a worker fail).
     */
    async deleteInboundEventKeys(eventKeys: readonly string[]): Promise<void> {
      for (const eventKey of new Set(eventKeys)) {
        try {
          await db.doc.send(
            new DeleteCommand({
              TableName: tables.inboundEvents,
              Key: { event_key: eventKey },
              ConditionExpression: "attribute_not_exists(queue_pk)",
            }),
          );
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
    },

    /** Every message of the conversation, staff notes included; how many there were. */
    async deleteMessages(conversationId: string): Promise<number> {
      const keys = await queryItems(db, {
        TableName: tables.messages,
        KeyConditionExpression: "conversation_id = :c",
        ExpressionAttributeValues: { ":c": conversationId },
        ProjectionExpression: "conversation_id, message_id",
      });
      return deleteKeys(tables.messages, keys);
    },

    /** One stream of the real-time event log (`conversation#<id>`: the web chat's events). */
    async deleteEventStream(stream: string): Promise<number> {
      const keys = await queryItems(db, {
        TableName: tables.events,
        KeyConditionExpression: "#s = :s",
        ExpressionAttributeNames: { "#s": "stream" },
        ExpressionAttributeValues: { ":s": stream },
        ProjectionExpression: "#s, event_id",
      });
      return deleteKeys(tables.events, keys);
    },

    /**
     * Events of a shared stream (the staff consoles' "admin" stream) whose payload names `id`. That
     * partition holds only the event log's retention window (a day), so reading it is bounded by time,
     * not by the data kept; erasure is rare and owner-initiated.
     */
    async deleteEventsMentioning(stream: string, id: string): Promise<number> {
      const keys = await queryItems(db, {
        TableName: tables.events,
        KeyConditionExpression: "#s = :s",
        FilterExpression: "contains(payload_json, :id)",
        ExpressionAttributeNames: { "#s": "stream" },
        ExpressionAttributeValues: { ":s": stream, ":id": id },
        ProjectionExpression: "#s, event_id",
      });
      return deleteKeys(tables.events, keys);
    },

    /** Audit entries about one resource (found through the resource index); returns them first. */
    async deleteAuditAbout(resourceId: string): Promise<Item[]> {
      const items = await queryItems(db, {
        TableName: tables.auditLogs,
        IndexName: "resource-time-index",
        KeyConditionExpression: "resource_id = :r",
        ExpressionAttributeValues: { ":r": resourceId },
      });
      await deleteKeys(
        tables.auditLogs,
        items.map((item) => pick(item, ["log_id"])),
      );
      return items;
    },

    /**
     * The staff members' read markers of a conversation. Markers are keyed by user and conversation
     * (read-markers.ts), so the caller names the users: every account, deactivated ones included.
     */
    async deleteReadMarkers(userIds: readonly string[], conversationId: string): Promise<void> {
      await deleteKeys(
        tables.sessions,
        [...new Set(userIds)].map((userId) => ({ session_key: markerKey(userId, conversationId) })),
      );
    },

    /** The cached Instagram profile of a platform user. */
    async deleteInstagramProfile(externalUserId: string): Promise<void> {
      await db.doc.send(
        new DeleteCommand({
          TableName: tables.instagramProfiles,
          Key: { external_user_id: externalUserId },
        }),
      );
    },
  };
}

export type ErasureRepository = ReturnType<typeof createErasureRepository>;
