import { ScanCommand } from "@aws-sdk/client-dynamodb";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";
import { batchWriteRawAll } from "../lib/batch-write";
import type { TableDefinition } from "../tables/definitions";
import { createTable, deleteTable } from "./create-table";
import { describeTable } from "./wait";
import type { WaitOptions } from "./wait";

/**
 * dynalite accepts UpdateTable's GlobalSecondaryIndexUpdates.Create but ignores it (4.0.0), so on the
 * embedded engine a missing index is added by rebuilding the table: copy into `<name>.rebuild`, drop and
 * recreate the table with every index, copy back, drop the copy. Local data is small; a crash at any
 * step is finished (or undone) by `recoverRebuild` on the next run, so no item is lost.
 */
export function rebuildTableName(tableName: string): string {
  return `${tableName}.rebuild`;
}

/** Copies raw AttributeValue items, so numbers, sets and binaries stay exactly as stored. */
async function copyItems(db: Db, from: string, to: string): Promise<number> {
  let copied = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await db.raw.send(
      new ScanCommand({ TableName: from, ExclusiveStartKey: startKey }),
    );
    const items = page.Items ?? [];
    await batchWriteRawAll(
      db,
      to,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    copied += items.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return copied;
}

function hasAllIndexes(
  table: { GlobalSecondaryIndexes?: { IndexName?: string }[] },
  definition: TableDefinition,
) {
  return definition.indexes.every((i) =>
    table.GlobalSecondaryIndexes?.some((e) => e.IndexName === i.name),
  );
}

export async function rebuildWithIndexes(
  db: Db,
  tableName: string,
  definition: TableDefinition,
  wait: WaitOptions,
): Promise<number> {
  const staging = rebuildTableName(tableName);
  await createTable(db, staging, definition, wait);
  await copyItems(db, tableName, staging);
  await deleteTable(db, tableName, wait);
  await createTable(db, tableName, definition, wait);
  const copied = await copyItems(db, staging, tableName);
  await deleteTable(db, staging, wait);
  return copied;
}

/** Finishes or discards a rebuild interrupted by a crash. Returns a description of what it did, if anything. */
export async function recoverRebuild(
  db: Db,
  tableName: string,
  definition: TableDefinition,
  wait: WaitOptions,
): Promise<string | undefined> {
  const staging = rebuildTableName(tableName);
  if (!(await describeTable(db, staging))) return undefined;
  const original = await describeTable(db, tableName);
  if (original && !hasAllIndexes(original, definition)) {
    // Crashed while copying out: the original is intact, the copy may be partial.
    await deleteTable(db, staging, wait);
    return `discarded an interrupted rebuild copy of ${tableName}`;
  }
  // Crashed after dropping the original: the copy is complete; finish the rebuild from it.
  if (!original) await createTable(db, tableName, definition, wait);
  await copyItems(db, staging, tableName);
  await deleteTable(db, staging, wait);
  return `finished an interrupted rebuild of ${tableName}`;
}
