import { BatchGetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { UNREAD_HORIZON_DAYS } from "@agents-crm/config/triage";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import { expiryAfterSeconds, isExpired } from "../lib/ttl";
import type { RepositoryContext } from "./context";

/** Namespaced in the sessions table, like the kv cache; no `user_id`, so "sign out everywhere" never sees them. */
export const markerKey = (userId: string, conversationId: string) =>
  `read#${userId}#${conversationId}`;
/** DynamoDB's per-call limit for BatchGetItem. */
const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;
/** A marker outlives what it can still mark unread (the unread horizon) by a day, then goes. */
const MARKER_TTL_SECONDS = (UNREAD_HORIZON_DAYS + 1) * 24 * 60 * 60;

/**
 * Per staff member × conversation: when they last opened it. Single-item writes by key and batched
 * reads by key — never a scan — in the sessions table.
 */
export function createReadMarkersRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.sessions;

  return {
    /** Moves the marker forward to `at` (never back: two open tabs may write out of order). */
    async markRead(userId: string, conversationId: string, at: Date = ctx.now()): Promise<string> {
      const iso = at.toISOString();
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { session_key: markerKey(userId, conversationId) },
            UpdateExpression: "SET #r = :r, expires_at = :e",
            ConditionExpression: "attribute_not_exists(#r) OR #r < :r",
            ExpressionAttributeNames: { "#r": "read_at" },
            ExpressionAttributeValues: {
              ":r": iso,
              ":e": expiryAfterSeconds(at, MARKER_TTL_SECONDS),
            },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      return iso;
    },

    /** conversationId → when `userId` last read it, for those they have read. */
    async readTimes(
      userId: string,
      conversationIds: readonly string[],
    ): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      const unique = [...new Set(conversationIds)];
      for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] = unique
          .slice(start, start + BATCH_GET_LIMIT)
          .map((id) => ({ session_key: markerKey(userId, id) }));
        for (let round = 0; keys.length > 0 && round < MAX_ROUNDS; round++) {
          const out = await db.doc.send(
            new BatchGetCommand({
              RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } },
            }),
          );
          for (const item of out.Responses?.[TableName] ?? []) {
            if (isExpired(item, "expires_at", ctx.now()) || typeof item.read_at !== "string")
              continue;
            const id = String(item.session_key).slice(markerKey(userId, "").length);
            found.set(id, item.read_at);
          }
          keys = (out.UnprocessedKeys?.[TableName]?.Keys ?? []) as Record<string, unknown>[];
        }
        if (keys.length > 0) throw new Error(`read markers: ${keys.length} keys still unprocessed`);
      }
      return found;
    },
  };
}

export type ReadMarkersRepository = ReturnType<typeof createReadMarkersRepository>;
