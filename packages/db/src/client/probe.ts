import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import type { Db } from "./db";

/**
 * Whether the database answers within `timeoutMs`: one cheap DescribeTable (no item read, no capacity
 * used), for readiness probes.
 */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  try {
    await db.raw.send(new DescribeTableCommand({ TableName: db.tables.agents }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
