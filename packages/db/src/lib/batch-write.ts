import { backoffMs, type Backoff } from "@agents-crm/config/retry";
import { BatchWriteItemCommand } from "@aws-sdk/client-dynamodb";
import type { WriteRequest as RawWriteRequest } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";

type Item = Record<string, unknown>;

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

export interface BatchWriteOptions {
  /** Attempts per chunk, the first included, before giving up on its unprocessed items. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Send every chunk at once (no order between chunks); for writes whose order does not matter. */
  parallel?: boolean;
}

/** DynamoDB's per-call limit for BatchWriteItem. */
export const BATCH_WRITE_LIMIT = 25;

export class BatchWriteIncompleteError extends Error {
  constructor(
    readonly tableName: string,
    readonly unprocessed: number,
    attempts: number,
  ) {
    super(`${unprocessed} writes to ${tableName} still unprocessed after ${attempts} attempts`);
    this.name = "BatchWriteIncompleteError";
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function writeInChunks<R>(
  tableName: string,
  requests: readonly R[],
  send: (items: Record<string, R[]>) => Promise<{ UnprocessedItems?: Record<string, R[]> }>,
  options: BatchWriteOptions,
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 8;
  // "Full jitter": a random delay up to an exponentially growing cap.
  const backoff: Backoff = {
    baseMs: options.baseDelayMs ?? 50,
    maxMs: options.maxDelayMs ?? 2000,
    jitter: "full",
  };
  const sleep = options.sleep ?? defaultSleep;
  const writeChunk = async (chunk: R[]): Promise<void> => {
    let pending = chunk;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > maxAttempts) {
        throw new BatchWriteIncompleteError(tableName, pending.length, maxAttempts);
      }
      if (attempt > 1) await sleep(backoffMs(attempt - 1, backoff));
      const out = await send({ [tableName]: pending });
      pending = out.UnprocessedItems?.[tableName] ?? [];
    }
  };
  const chunks: R[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    chunks.push(requests.slice(start, start + BATCH_WRITE_LIMIT));
  }
  if (options.parallel) {
    await Promise.all(chunks.map(writeChunk));
    return;
  }
  for (const chunk of chunks) await writeChunk(chunk);
}

/**
 * Writes every request in chunks of 25, re-sending UnprocessedItems (throttling, partial failures) with
 * exponential back-off and jitter; throws when a chunk still has unprocessed items after maxAttempts.
 */
export function batchWriteAll(
  db: Db,
  tableName: string,
  requests: readonly WriteRequest[],
  options: BatchWriteOptions = {},
): Promise<void> {
  const send = (RequestItems: Record<string, WriteRequest[]>) =>
    db.doc.send(new BatchWriteCommand({ RequestItems })) as Promise<{
      UnprocessedItems?: Record<string, WriteRequest[]>;
    }>;
  return writeInChunks(tableName, requests, send, options);
}

/** Deletes every item of `keys` (in chunks of 25, as batchWriteAll); how many were deleted. */
export async function batchDeleteAll(
  db: Db,
  tableName: string,
  keys: readonly Item[],
): Promise<number> {
  await batchWriteAll(
    db,
    tableName,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );
  return keys.length;
}

/** The same on raw AttributeValue items: copies them bit for bit (no number or set conversion). */
export function batchWriteRawAll(
  db: Db,
  tableName: string,
  requests: readonly RawWriteRequest[],
  options: BatchWriteOptions = {},
): Promise<void> {
  const send = (RequestItems: Record<string, RawWriteRequest[]>) =>
    db.raw.send(new BatchWriteItemCommand({ RequestItems }));
  return writeInChunks(tableName, requests, send, options);
}
