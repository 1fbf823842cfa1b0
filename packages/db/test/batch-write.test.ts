import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client/db";
import type { Db } from "../src/client/db";
import { startEmbeddedDynamo } from "../src/client/embedded";
import type { EmbeddedDynamo } from "../src/client/embedded";
import { BatchWriteIncompleteError, batchWriteAll } from "../src/lib/batch-write";
import { provisionTables } from "../src/provision/provision";
import { tableDefinition } from "../src/tables/definitions";
import { uniqueTableNames } from "../src/testing";
import { startThrottlingProxy } from "./support/throttling-proxy";
import type { ThrottlingProxy } from "./support/throttling-proxy";

let engine: EmbeddedDynamo;
let proxy: ThrottlingProxy;
let db: Db;
const credentials = { accessKeyId: "local", secretAccessKey: "local" };

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  proxy = await startThrottlingProxy(engine.endpoint);
  db = createDb({
    tables: uniqueTableNames(),
    region: "us-east-1",
    endpoint: proxy.endpoint,
    credentials,
    engine: "embedded",
  });
  await provisionTables(db, { definitions: [tableDefinition("ragDocuments")] });
});
afterAll(async () => {
  await db.close();
  await proxy.close();
  await engine.close();
});

const puts = (agentId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    PutRequest: {
      Item: { agent_id: agentId, document_id: `d#${String(i).padStart(5, "0")}`, n: i },
    },
  }));

async function countRows(agentId: string): Promise<number> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tables.ragDocuments,
      KeyConditionExpression: "agent_id = :a",
      ExpressionAttributeValues: { ":a": agentId },
      Select: "COUNT",
    }),
  );
  return out.Count ?? 0;
}

describe("batchWriteAll", () => {
  it("sends chunks of at most 25 and re-sends unprocessed items until all are written", async () => {
    proxy.batchSizes.length = 0;
    // Every call passes on only a third of what it gets (at least one item).
    proxy.setPassThrough((requested) => Math.max(1, Math.floor(requested / 3)));
    const delays: number[] = [];
    await batchWriteAll(db, db.tables.ragDocuments, puts("throttled", 110), {
      maxAttempts: 50,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(await countRows("throttled")).toBe(110);
    expect(Math.max(...proxy.batchSizes)).toBe(25);
    expect(proxy.batchSizes.filter((s) => s === 25)).toHaveLength(4);
    // Retries carry only what was left over.
    expect(proxy.batchSizes).toContain(17);
    expect(delays.length).toBe(proxy.batchSizes.length - 5);
    expect(delays.every((d) => d >= 0 && d <= 2000)).toBe(true);
  });

  it("gives up after maxAttempts with the number still unprocessed", async () => {
    proxy.batchSizes.length = 0;
    proxy.setPassThrough(() => 0);
    const run = batchWriteAll(db, db.tables.ragDocuments, puts("stuck", 30), {
      maxAttempts: 3,
      baseDelayMs: 1,
    });
    await expect(run).rejects.toThrow(BatchWriteIncompleteError);
    await expect(run).rejects.toMatchObject({ unprocessed: 25 });
    expect(proxy.batchSizes.slice(0, 3)).toEqual([25, 25, 25]);
  });
});
