import { DeleteCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { TableNames } from "@agents-crm/config";
import type { Db } from "../client/db";
import { encodeCursor, startKeyFrom } from "../lib/cursor";
import { isConditionalCheckFailed } from "../lib/errors";
import { toEpochSeconds } from "../lib/ttl";
import { keyAttributes } from "../lib/query";
import { tableDefinition } from "../tables/definitions";

export interface SweepOptions {
  /** Stop after deleting this many items (the next call resumes from `nextCursor`). */
  limit?: number;
  cursor?: string | null;
  now: Date;
}

export interface SweepResult {
  deleted: number;
  scanned: number;
  /** null once the whole table has been walked. */
  nextCursor: string | null;
}

const DELETE_CONCURRENCY = 8;

/**
 * Reclaims storage from items past their TTL, for engines without TTL expiry (the embedded one) and to
 * hurry DynamoDB's late deletes. This is the ONE place that Scans a growing table, and it is maintenance
 * run from a timer or a script, never from a request path. Each delete is conditional on the item still
 * being expired, so an entry renewed between the Scan and the delete survives.
 */
export async function sweepExpiredItems(
  db: Db,
  tableId: keyof TableNames,
  options: SweepOptions,
): Promise<SweepResult> {
  const definition = tableDefinition(tableId);
  const ttl = definition.ttlAttribute;
  if (!ttl) throw new Error(`table ${tableId} has no TTL attribute to sweep on`);
  const TableName = db.tables[tableId];
  const keys = keyAttributes(definition);
  const scope = `sweep:${tableId}`;
  const limit = options.limit ?? 1000;
  const nowSeconds = toEpochSeconds(options.now);
  let startKey: Record<string, unknown> | undefined = startKeyFrom(options.cursor, scope, keys);
  let deleted = 0;
  let scanned = 0;
  do {
    const out = await db.doc.send(
      new ScanCommand({
        TableName,
        ExclusiveStartKey: startKey,
        Limit: Math.min(1000, Math.max(100, limit * 2)),
        ProjectionExpression: keys.map((_, i) => `#k${i}`).join(", "),
        FilterExpression: "#ttl > :zero AND #ttl <= :now",
        ExpressionAttributeNames: {
          "#ttl": ttl,
          ...Object.fromEntries(keys.map((name, i) => [`#k${i}`, name])),
        },
        ExpressionAttributeValues: { ":zero": 0, ":now": nowSeconds },
      }),
    );
    scanned += out.ScannedCount ?? 0;
    const expired = out.Items ?? [];
    for (let i = 0; i < expired.length; i += DELETE_CONCURRENCY) {
      const results = await Promise.all(
        expired.slice(i, i + DELETE_CONCURRENCY).map((Key) => deleteIfExpired(Key)),
      );
      deleted += results.filter(Boolean).length;
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey && deleted < limit);
  return {
    deleted,
    scanned,
    nextCursor: startKey ? encodeCursor(scope, startKey as Record<string, string | number>) : null,
  };

  async function deleteIfExpired(Key: Record<string, unknown>): Promise<boolean> {
    try {
      await db.doc.send(
        new DeleteCommand({
          TableName,
          Key,
          ConditionExpression: "#ttl > :zero AND #ttl <= :now",
          ExpressionAttributeNames: { "#ttl": ttl as string },
          ExpressionAttributeValues: { ":zero": 0, ":now": nowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}
