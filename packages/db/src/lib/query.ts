import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import type { TableDefinition } from "../tables/definitions";
import { encodeCursor, startKeyFrom } from "./cursor";
import type { CursorKey } from "./cursor";
import { InvalidCursorError } from "./errors";
import type { Page } from "./page";

type Item = Record<string, unknown>;

export type QueryInput = Omit<QueryCommandInput, "ExclusiveStartKey" | "Limit" | "Select">;

export interface QueryPageOptions<T> {
  input: QueryInput;
  /** Attributes a resume key needs: the table key plus the queried index's key (see `keyAttributes`). */
  keys: readonly string[];
  /** Names the list the cursor belongs to; a cursor from another list is rejected. */
  scope: string;
  cursor?: string | null;
  limit: number;
  /** Maps a raw item; `undefined` drops it (expired, or not this list's kind of item). */
  map: (item: Item) => T | undefined;
  /** Items per DynamoDB request; defaults adapt to the remaining need. Tests use it to force many pages. */
  pageSize?: number;
}

export function keyAttributes(table: TableDefinition, indexName?: string): string[] {
  const names = [table.partition.name];
  if (table.sort) names.push(table.sort.name);
  if (indexName) {
    const index = table.indexes.find((i) => i.name === indexName);
    if (!index) throw new Error(`table ${table.id} has no index ${indexName}`);
    names.push(index.partition.name);
    if (index.sort) names.push(index.sort.name);
  }
  return [...new Set(names)];
}

function keyOf(item: Item, keys: readonly string[]): CursorKey {
  const key: CursorKey = {};
  for (const name of keys) {
    const value = item[name];
    if (typeof value !== "string" && typeof value !== "number") {
      throw new Error(`item lacks key attribute ${name}`);
    }
    key[name] = value;
  }
  return key;
}

/**
 * One page of a Query that stays complete under FilterExpression and reader-side drops: it keeps
 * following DynamoDB pages until `limit` items pass, and looks one item ahead so `nextCursor` is null
 * exactly when nothing is left. The cursor resumes after the last RETURNED item, not after DynamoDB's page.
 */
export async function queryPage<T>(db: Db, options: QueryPageOptions<T>): Promise<Page<T>> {
  const { limit, keys } = options;
  const accepted: { value: T; raw: Item }[] = [];
  let startKey: Item | undefined = startKeyFrom(options.cursor, options.scope, keys);
  // A cursor is client input: a forged key DynamoDB cannot take (too long, wrong type) is refused with
  // a ValidationException on the first request, which is the client's error, not ours.
  let fromCursor = startKey !== undefined;
  const filtered = options.input.FilterExpression !== undefined;
  for (;;) {
    const need = limit + 1 - accepted.length;
    const pageSize =
      options.pageSize ?? (filtered ? Math.min(1000, Math.max(need * 4, 100)) : need);
    const out = await db.doc
      .send(new QueryCommand({ ...options.input, ExclusiveStartKey: startKey, Limit: pageSize }))
      .catch((error: unknown) => {
        if (fromCursor && error instanceof Error && error.name === "ValidationException") {
          throw new InvalidCursorError("does not fit this list");
        }
        throw error;
      });
    fromCursor = false;
    for (const raw of out.Items ?? []) {
      const value = options.map(raw);
      if (value === undefined) continue;
      accepted.push({ value, raw });
      if (accepted.length > limit) {
        const last = accepted[limit - 1];
        return {
          items: accepted.slice(0, limit).map((a) => a.value),
          nextCursor: last ? encodeCursor(options.scope, keyOf(last.raw, keys)) : null,
        };
      }
    }
    startKey = out.LastEvaluatedKey;
    if (!startKey) return { items: accepted.map((a) => a.value), nextCursor: null };
  }
}

/** Every item of a Query, following all pages (for bounded partitions: one agent's RAG chunks, etc.). */
export async function queryAll<T>(
  db: Db,
  input: QueryInput,
  map: (item: Item) => T | undefined,
  pageSize?: number,
): Promise<T[]> {
  const items: T[] = [];
  let startKey: Item | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey, Limit: pageSize }),
    );
    for (const raw of out.Items ?? []) {
      const value = map(raw);
      if (value !== undefined) items.push(value);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Counts matching items without transferring them (Select COUNT), following all pages. */
export async function queryCount(db: Db, input: QueryInput): Promise<number> {
  let count = 0;
  let startKey: Item | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey, Select: "COUNT" }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
}
