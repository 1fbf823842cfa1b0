import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";

export interface WaitOptions {
  pollIntervalMs: number;
  timeoutMs: number;
}

export async function describeTable(
  db: Db,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    const out = await db.raw.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table;
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls DescribeTable until `done` holds, failing with `what` after the timeout. */
export async function waitFor(
  db: Db,
  tableName: string,
  what: string,
  done: (table: TableDescription | undefined) => boolean,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (done(await describeTable(db, tableName))) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${tableName}: ${what}`);
    await sleep(options.pollIntervalMs);
  }
}

export function isActive(table: TableDescription | undefined, indexName?: string): boolean {
  if (table?.TableStatus !== "ACTIVE") return false;
  if (indexName === undefined) return true;
  return (
    table.GlobalSecondaryIndexes?.some(
      (i) => i.IndexName === indexName && i.IndexStatus === "ACTIVE",
    ) ?? false
  );
}
