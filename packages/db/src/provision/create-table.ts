import {
  CreateTableCommand,
  DeleteTableCommand,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";
import type { IndexDefinition, TableDefinition } from "../tables/definitions";
import { attributeDefinitions, globalIndex, keySchema } from "./table-spec";
import { isActive, waitFor } from "./wait";
import type { WaitOptions } from "./wait";

export async function createTable(
  db: Db,
  tableName: string,
  definition: TableDefinition,
  wait: WaitOptions,
): Promise<void> {
  await db.raw.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: keySchema(definition),
      AttributeDefinitions: attributeDefinitions([definition, ...definition.indexes]),
      ...(definition.indexes.length
        ? { GlobalSecondaryIndexes: definition.indexes.map(globalIndex) }
        : {}),
    }),
  );
  await waitFor(db, tableName, "table ACTIVE", (t) => isActive(t), wait);
}

export async function deleteTable(db: Db, tableName: string, wait: WaitOptions): Promise<void> {
  await db.raw.send(new DeleteTableCommand({ TableName: tableName }));
  await waitFor(db, tableName, "table deleted", (t) => t === undefined, wait);
}

/**
 * Online index creation (AWS, DynamoDB Local): one index per UpdateTable, waiting until it is ACTIVE
 * (DynamoDB backfills it from the existing items meanwhile). A provisioned-capacity table (not ours,
 * but an existing deployment's may be) needs throughput for the new index: it gets the table's.
 */
export async function addIndex(
  db: Db,
  tableName: string,
  existing: TableDescription,
  definition: TableDefinition,
  index: IndexDefinition,
  wait: WaitOptions,
): Promise<void> {
  const provisioned =
    existing.BillingModeSummary?.BillingMode !== "PAY_PER_REQUEST" &&
    (existing.ProvisionedThroughput?.ReadCapacityUnits ?? 0) > 0;
  await db.raw.send(
    new UpdateTableCommand({
      TableName: tableName,
      AttributeDefinitions: attributeDefinitions([definition, index]),
      GlobalSecondaryIndexUpdates: [
        {
          Create: {
            ...globalIndex(index),
            ...(provisioned
              ? {
                  ProvisionedThroughput: {
                    ReadCapacityUnits: existing.ProvisionedThroughput?.ReadCapacityUnits,
                    WriteCapacityUnits: existing.ProvisionedThroughput?.WriteCapacityUnits,
                  },
                }
              : {}),
          },
        },
      ],
    }),
  );
  await waitFor(db, tableName, `index ${index.name} ACTIVE`, (t) => isActive(t, index.name), wait);
}
