import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client/db";
import type { Db } from "../src/client/db";
import { startEmbeddedDynamo } from "../src/client/embedded";
import type { EmbeddedDynamo } from "../src/client/embedded";
import { provisionTables } from "../src/provision/provision";
import { tableDefinition } from "../src/tables/definitions";
import { uniqueTableNames } from "../src/testing";
import { startDynamoProxy } from "./support/dynamo-proxy";
import type { DynamoProxy } from "./support/dynamo-proxy";

interface CreatedIndex {
  IndexName: string;
  KeySchema: unknown;
  Projection: unknown;
  describes: number;
}

/**
 * AWS adds an index online: UpdateTable returns at once, DescribeTable shows the index CREATING while it
 * backfills, then ACTIVE. dynalite ignores index creation, so this fake answers UpdateTable and the TTL
 * calls the way AWS does, and forwards everything else to dynalite.
 */
let engine: EmbeddedDynamo;
let proxy: DynamoProxy;
let db: Db;
const created = new Map<string, CreatedIndex[]>();
const updateCalls: Record<string, unknown>[] = [];
const ttl = new Map<string, string>();
let overlapping = false;

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  proxy = await startDynamoProxy(engine.endpoint, async (operation, input, forward) => {
    const table = String(input.TableName);
    const indexes = created.get(table) ?? [];
    switch (operation) {
      case "UpdateTable": {
        updateCalls.push(input);
        if (indexes.some((i) => i.describes < 2)) overlapping = true;
        const updates = input.GlobalSecondaryIndexUpdates as { Create: CreatedIndex }[];
        for (const { Create } of updates) indexes.push({ ...Create, describes: 0 });
        created.set(table, indexes);
        return {
          status: 200,
          body: { TableDescription: { TableName: table, TableStatus: "UPDATING" } },
        };
      }
      case "DescribeTable": {
        const out = await forward(input);
        const description = out.body.Table as Record<string, unknown> | undefined;
        if (!description || indexes.length === 0) return out;
        description.GlobalSecondaryIndexes = indexes.map((i) => ({
          IndexName: i.IndexName,
          KeySchema: i.KeySchema,
          Projection: i.Projection,
          IndexStatus: i.describes++ < 1 ? "CREATING" : "ACTIVE",
        }));
        return out;
      }
      case "DescribeTimeToLive": {
        const attribute = ttl.get(table);
        return {
          status: 200,
          body: {
            TimeToLiveDescription: attribute
              ? { TimeToLiveStatus: "ENABLED", AttributeName: attribute }
              : { TimeToLiveStatus: "DISABLED" },
          },
        };
      }
      case "UpdateTimeToLive": {
        const spec = input.TimeToLiveSpecification as { AttributeName: string };
        ttl.set(table, spec.AttributeName);
        return { status: 200, body: { TimeToLiveSpecification: spec } };
      }
      default:
        return forward(input);
    }
  });
  db = createDb({
    tables: uniqueTableNames(),
    region: "us-east-1",
    endpoint: proxy.endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    engine: "endpoint",
  });
});
afterAll(async () => {
  await db.close();
  await proxy.close();
  await engine.close();
});

describe("provisioning on an engine with online index creation", () => {
  it("adds each missing index with its own UpdateTable, waits for ACTIVE, enables TTL", async () => {
    const definition = tableDefinition("conversations");
    await db.raw.send(
      new CreateTableCommand({
        TableName: db.tables.conversations,
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [{ AttributeName: "conversation_id", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "conversation_id", AttributeType: "S" }],
      }),
    );
    const report = await provisionTables(db, { pollIntervalMs: 1, definitions: [definition] });

    expect(report.indexesAdded).toHaveLength(definition.indexes.length);
    expect(report.ttlEnabled).toEqual([db.tables.conversations]);
    expect(ttl.get(db.tables.conversations)).toBe("expires_at");
    expect(overlapping).toBe(false);
    expect(updateCalls).toHaveLength(definition.indexes.length);
    for (const call of updateCalls) {
      const updates = call.GlobalSecondaryIndexUpdates as { Create: CreatedIndex }[];
      expect(updates).toHaveLength(1);
      const create = updates[0]?.Create;
      expect(create?.Projection).toEqual({ ProjectionType: "ALL" });
      // Each index's own sort key is defined with it (activity_sort, or the queue's queue_sort).
      const keys = create?.KeySchema as { AttributeName: string; KeyType: string }[] | undefined;
      const sortKey = keys?.find((k) => k.KeyType === "RANGE")?.AttributeName;
      expect(call.AttributeDefinitions).toContainEqual({
        AttributeName: sortKey,
        AttributeType: "S",
      });
    }

    const again = await provisionTables(db, { pollIntervalMs: 1, definitions: [definition] });
    expect(again.unchanged).toEqual([db.tables.conversations]);
    expect(updateCalls).toHaveLength(definition.indexes.length);
  });

  it("carries on, with a warning, on an endpoint engine that rejects the TTL call (dynalite, Alternator)", async () => {
    const plain = createDb({
      tables: uniqueTableNames(),
      region: "us-east-1",
      endpoint: engine.endpoint,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      engine: "endpoint",
    });
    try {
      const result = await provisionTables(plain, {
        pollIntervalMs: 1,
        definitions: [tableDefinition("messages")],
      });
      expect(result.created).toEqual([plain.tables.messages]);
      expect(result.ttlEnabled).toEqual([]);
      expect(result.warnings.join(" ")).toMatch(/TTL/);
    } finally {
      await plain.close();
    }
  });
});
