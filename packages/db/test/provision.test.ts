import { CreateTableCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client/db";
import { openDatabase } from "../src/client/open-database";
import { createTable } from "../src/provision/create-table";
import { rebuildTableName } from "../src/provision/embedded-rebuild";
import { waitFor } from "../src/provision/wait";
import { ProvisioningError, provisionTables } from "../src/provision/provision";
import { TABLE_DEFINITIONS, tableDefinition } from "../src/tables/definitions";
import { uniqueTableNames } from "../src/testing";

let db: Db;
const fast = { pollIntervalMs: 5 };

beforeAll(async () => {
  db = await openDatabase({ mode: "embedded", tables: uniqueTableNames() });
});
afterAll(() => db.close());

async function tableNames(): Promise<string[]> {
  const out = await db.raw.send(new ListTablesCommand({}));
  return out.TableNames ?? [];
}

describe("provisionTables", () => {
  it("creates every table once, then reports them unchanged", async () => {
    const first = await provisionTables(db, fast);
    expect(first.created).toHaveLength(TABLE_DEFINITIONS.length);
    expect(first.unchanged).toEqual([]);
    // dynalite has no UpdateTimeToLive: reported, not failed.
    const ttlWarning = first.warnings.find((w) => w.includes("has no TTL API"));
    for (const table of TABLE_DEFINITIONS.filter((t) => t.ttlAttribute)) {
      expect(ttlWarning).toContain(`${db.tables[table.id]}.${table.ttlAttribute}`);
    }

    const second = await provisionTables(db, fast);
    expect(second.created).toEqual([]);
    expect(second.indexesAdded).toEqual([]);
    expect(second.unchanged).toHaveLength(TABLE_DEFINITIONS.length);
    expect((await tableNames()).filter((n) => n.endsWith(".rebuild"))).toEqual([]);
  });

  it("adds missing indexes to a table created with only the reference's key, keeping its items", async () => {
    const tables = uniqueTableNames();
    const legacy: Db = { ...db, tables };
    // The reference's Terraform: conversations keyed by conversation_id, no indexes.
    await db.raw.send(
      new CreateTableCommand({
        TableName: tables.conversations,
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [{ AttributeName: "conversation_id", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "conversation_id", AttributeType: "S" }],
      }),
    );
    // A table accepts writes once ACTIVE, as on AWS (answered in process, the first write can come
    // before the engine has switched it from CREATING).
    await waitFor(legacy, tables.conversations, "active", (t) => t?.TableStatus === "ACTIVE", {
      ...fast,
      timeoutMs: 10_000,
    });
    const items = Array.from({ length: 30 }, (_, i) => ({
      conversation_id: `c-${i}`,
      agent_id: "agent-a",
      status: "AI_ACTIVE",
      channel: "instagram",
      all_pk: "CONVERSATION",
      activity_sort: `2026-01-01T00:00:${String(i).padStart(2, "0")}.000Z#c-${i}`,
      big_number: 12345678901234567890n.toString(),
      score: 0.25,
    }));
    for (const Item of items) {
      await db.doc.send(new PutCommand({ TableName: tables.conversations, Item }));
    }

    const report = await provisionTables(legacy, {
      ...fast,
      definitions: [tableDefinition("conversations")],
    });
    expect(report.created).toEqual([]);
    expect(report.indexesAdded).toEqual(
      tableDefinition("conversations")
        .indexes.map((i) => `${tables.conversations}/${i.name}`)
        .sort(),
    );

    const byAgent = await db.doc.send(
      new QueryCommand({
        TableName: tables.conversations,
        IndexName: "agent-activity-index",
        KeyConditionExpression: "agent_id = :a",
        ExpressionAttributeValues: { ":a": "agent-a" },
      }),
    );
    expect(byAgent.Items).toHaveLength(30);
    const one = await db.doc.send(
      new GetCommand({ TableName: tables.conversations, Key: { conversation_id: "c-7" } }),
    );
    expect(one.Item).toEqual(items[7]);
    expect(await tableNames()).not.toContain(rebuildTableName(tables.conversations));

    const again = await provisionTables(legacy, {
      ...fast,
      definitions: [tableDefinition("conversations")],
    });
    expect(again.unchanged).toEqual([tables.conversations]);
  });

  it("finishes a rebuild interrupted after the original table was dropped", async () => {
    const tables = uniqueTableNames();
    const definition = tableDefinition("agents");
    const staging = rebuildTableName(tables.agents);
    await createTable(db, staging, definition, { pollIntervalMs: 5, timeoutMs: 5000 });
    await db.doc.send(
      new PutCommand({ TableName: staging, Item: { agent_id: "a1", list_pk: "AGENT" } }),
    );

    const report = await provisionTables({ ...db, tables }, { ...fast, definitions: [definition] });
    expect(report.warnings).toContain(`finished an interrupted rebuild of ${tables.agents}`);
    const restored = await db.doc.send(
      new GetCommand({ TableName: tables.agents, Key: { agent_id: "a1" } }),
    );
    expect(restored.Item).toEqual({ agent_id: "a1", list_pk: "AGENT" });
    expect(await tableNames()).not.toContain(staging);
  });

  it("refuses a table whose primary key differs from the definition, naming it", async () => {
    const tables = uniqueTableNames();
    await db.raw.send(
      new CreateTableCommand({
        TableName: tables.messages,
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [{ AttributeName: "message_id", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "message_id", AttributeType: "S" }],
      }),
    );
    const run = provisionTables(
      { ...db, tables },
      { ...fast, definitions: [tableDefinition("messages")] },
    );
    await expect(run).rejects.toThrow(ProvisioningError);
    await expect(run).rejects.toThrow(tables.messages);
  });
});
