import { ScanCommand } from "@aws-sdk/client-dynamodb";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";

export type RawItem = Record<string, AttributeValue>;

export interface ScanPagesOptions {
  /** Items per Scan call (DynamoDB still caps a page at 1 MB). */
  pageSize?: number;
  /** Where a previous, interrupted walk stopped (a checkpoint it reported). */
  resumeFrom?: string;
  /** After each page is fully handled: a token that resumes after it. */
  onCheckpoint?: (token: string) => void;
  filter?: { expression: string; names: Record<string, string> };
}

/** A checkpoint is the Scan's LastEvaluatedKey (raw attribute values), base64url JSON. */
export function encodeCheckpoint(key: RawItem): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCheckpoint(token: string): RawItem {
  try {
    const key = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown;
    if (key && typeof key === "object" && !Array.isArray(key)) return key as RawItem;
  } catch {
    // reported below
  }
  throw new Error(`not a checkpoint printed by this migration: ${token}`);
}

/**
 * Walks a whole table with Scan (raw attribute values, so every number, set and binary is copied
 * exactly), handing each page to `handle` before reading the next. Operator commands only.
 */
export async function scanPages(
  db: Db,
  tableName: string,
  handle: (items: RawItem[]) => Promise<void>,
  options: ScanPagesOptions = {},
): Promise<void> {
  let startKey = options.resumeFrom ? decodeCheckpoint(options.resumeFrom) : undefined;
  do {
    const page = await db.raw.send(
      new ScanCommand({
        TableName: tableName,
        ExclusiveStartKey: startKey,
        Limit: options.pageSize,
        ...(options.filter
          ? {
              FilterExpression: options.filter.expression,
              ExpressionAttributeNames: options.filter.names,
            }
          : {}),
      }),
    );
    await handle(page.Items ?? []);
    startKey = page.LastEvaluatedKey;
    if (startKey) options.onCheckpoint?.(encodeCheckpoint(startKey));
  } while (startKey);
}

/** Runs `work` over `items`, at most `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}
