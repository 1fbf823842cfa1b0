import { DeleteCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";

/**
 * Deletes every cluster lease: a Scan of a table of a few items, run only at the embedded engine's
 * start-up (that engine opens in one process at a time, so every lease found then was a dead process's).
 */
export async function releaseAllLeases(db: Db): Promise<number> {
  const TableName = db.tables.leases;
  let released = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName, ExclusiveStartKey, ProjectionExpression: "lease_name" }),
    );
    for (const item of page.Items ?? []) {
      await db.doc.send(
        new DeleteCommand({ TableName, Key: { lease_name: String(item.lease_name) } }),
      );
      released += 1;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return released;
}
