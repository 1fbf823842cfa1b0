import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import { expiryAfterSeconds, isExpired, toEpochSeconds } from "../lib/ttl";
import type { RepositoryContext } from "./context";

/** Namespaced so a cache key can never overwrite an admin session (`session#…`) in the shared table. */
const kvKey = (key: string) => `kv#${key}`;

export interface Counter {
  value: number;
  /** Epoch seconds at which the window resets. */
  expiresAt: number;
}

/**
 * The reference's key/value cache over the sessions table (§3.14): lazy expiry (an item past
 * `expires_at` reads as absent, because DynamoDB TTL deletes late and the embedded engine never does).
 */
export function createKvCache(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.sessions;

  const read = async (key: string) => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { session_key: kvKey(key) }, ConsistentRead: true }),
    );
    return out.Item && !isExpired(out.Item, "expires_at", ctx.now()) ? out.Item : undefined;
  };

  return {
    async get(key: string): Promise<string | null> {
      const item = await read(key);
      if (typeof item?.value === "string") return item.value;
      return typeof item?.count === "number" ? String(item.count) : null;
    },

    /** Without ttlSeconds the entry never expires. */
    async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            session_key: kvKey(key),
            value,
            expires_at:
              ttlSeconds === undefined ? undefined : expiryAfterSeconds(ctx.now(), ttlSeconds),
          },
        }),
      );
    },

    async delete(key: string): Promise<void> {
      await db.doc.send(new DeleteCommand({ TableName, Key: { session_key: kvKey(key) } }));
    },

    /**
     * Atomic fixed-window counter (login throttling): the first increment, or the first after the window
     * expired, starts a new window of `ttlSeconds`; later ones add to it without moving its expiry.
     */
    async increment(key: string, options: { ttlSeconds: number; by?: number }): Promise<Counter> {
      const by = options.by ?? 1;
      for (let attempt = 0; attempt < 5; attempt++) {
        const now = ctx.now();
        const nowSeconds = toEpochSeconds(now);
        try {
          const out = await db.doc.send(
            new UpdateCommand({
              TableName,
              Key: { session_key: kvKey(key) },
              UpdateExpression: "ADD #count :by",
              ConditionExpression: "attribute_exists(#count) AND expires_at > :now",
              ExpressionAttributeNames: { "#count": "count" },
              ExpressionAttributeValues: { ":by": by, ":now": nowSeconds },
              ReturnValues: "ALL_NEW",
            }),
          );
          return {
            value: Number(out.Attributes?.count),
            expiresAt: Number(out.Attributes?.expires_at),
          };
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
        const expiresAt = expiryAfterSeconds(now, options.ttlSeconds);
        try {
          // Starts a window only if none is running; a concurrent starter wins and we add to its window.
          await db.doc.send(
            new PutCommand({
              TableName,
              Item: { session_key: kvKey(key), count: by, expires_at: expiresAt },
              ConditionExpression:
                "attribute_not_exists(session_key) OR attribute_not_exists(#count) OR expires_at <= :now",
              ExpressionAttributeNames: { "#count": "count" },
              ExpressionAttributeValues: { ":now": nowSeconds },
            }),
          );
          return { value: by, expiresAt };
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
      throw new Error(`counter ${key} is too contended to increment`);
    },

    /**
     * Gives back `by` from a running window (a reserved attempt that turned out not to count). Never
     * starts a window or goes below zero; a window that has expired meanwhile is left alone.
     */
    async decrement(key: string, by = 1): Promise<void> {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { session_key: kvKey(key) },
            UpdateExpression: "ADD #count :minus",
            ConditionExpression: "attribute_exists(#count) AND expires_at > :now AND #count >= :by",
            ExpressionAttributeNames: { "#count": "count" },
            ExpressionAttributeValues: {
              ":minus": -by,
              ":by": by,
              ":now": toEpochSeconds(ctx.now()),
            },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },
  };
}

export type KvCache = ReturnType<typeof createKvCache>;
