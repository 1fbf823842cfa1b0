import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { decodeTime } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client/db";
import { startEmbeddedDynamo } from "../src/client/embedded";
import { openDatabase } from "../src/client/open-database";
import { createRepositories } from "../src/repositories";
import { migrateFromReference, MigrationBlockedError, planSchema } from "../src/migrate";
import { isTimeOrderedId, timeOrderedIdFor } from "../src/migrate/legacy-values";
import { uniqueTableNames } from "../src/testing";
import {
  CONV1_MESSAGES,
  createReferenceTables,
  put,
  seconds,
  seedReferenceData,
} from "./migrate-reference-fixture";

const now = () => new Date("2026-06-01T00:00:00Z");
let db: Db;

beforeAll(async () => {
  db = await openDatabase({ mode: "embedded", tables: uniqueTableNames() });
  await createReferenceTables(db);
  await seedReferenceData(db);
});
afterAll(() => db.close());

type Item = Record<string, unknown>;

async function scanAll(table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const byId = (items: Item[]) =>
  [...items].sort((a, b) => String(a.message_id).localeCompare(String(b.message_id)));

describe("npm run db:migrate on a deployment of the reference product", () => {
  let before: Item[] = [];

  it("dry run: reports every change it would make and writes nothing", async () => {
    before = await scanAll(db.tables.messages);
    const report = await migrateFromReference(db, { dryRun: true, now });

    const t = db.tables;
    expect(report.schema.tablesToCreate).toEqual(
      [
        t.adminUsers,
        t.inboundEvents,
        t.secrets,
        t.settings,
        t.events,
        t.knowledgeGaps,
        t.cannedResponses,
        t.searchIndex,
        t.contacts,
        t.contactKeys,
        t.files,
        t.leases,
        t.knowledgeDocuments,
      ].sort(),
    );
    expect(report.schema.indexesToAdd).toEqual(
      expect.arrayContaining([
        `${t.agents}/list-index`,
        `${t.conversations}/all-activity-index`,
        `${t.conversations}/assignee-activity-index`,
        `${t.conversations}/contact-activity-index`,
        `${t.auditLogs}/all-time-index`,
        `${t.sessions}/user-index`,
      ]),
    );
    expect(report.schema.indexesToAdd).toHaveLength(17);
    expect(report.schema.extraIndexes).toEqual([
      `${t.auditLogs}/admin_id-index`,
      `${t.auditLogs}/resource_type-index`,
    ]);
    expect(report.provisioned).toBeUndefined();
    expect(report.backfill).toEqual({ agents: 1, conversations: 2, auditLogs: 1 });
    expect(report.messages).toMatchObject({ scanned: 5, rekeyed: 4, alreadyTimeOrdered: 0 });
    expect(report.messages.withoutTimestamp).toEqual([
      "conv-2/0b0b0b0b-5555-4eee-8eee-000000000005",
    ]);
    expect(report.legacyTtl).toEqual({
      mode: "keep",
      conversations: { carrying: 2, pastDue: 1, applied: 0 },
    });
    expect(report.rag).toEqual({ rows: 1, agents: ["legacy-agent"] });
    expect(report.secrets).toEqual({
      channelBindings: ["binding-1"],
      notificationConfigs: ["notify-1"],
    });

    expect(byId(await scanAll(db.tables.messages))).toEqual(byId(before));
    const after = await migrateFromReference(db, { dryRun: true, now });
    expect(after.schema.tablesToCreate).toHaveLength(13);
  });

  it("migrates: tables and indexes added, messages re-keyed in time order, nothing lost", async () => {
    const report = await migrateFromReference(db, { now, pageSize: 2 });

    expect(report.provisioned?.created).toHaveLength(13);
    expect(report.provisioned?.indexesAdded).toHaveLength(17);
    expect(report.backfill).toEqual({ agents: 1, conversations: 2, auditLogs: 1 });
    expect(report.messages).toMatchObject({ scanned: 5, rekeyed: 4, conflicts: [] });

    const messages = await scanAll(db.tables.messages);
    expect(messages).toHaveLength(before.length);
    for (const original of before) {
      const copy = messages.find(
        (m) => m.legacy_message_id === original.message_id || m.message_id === original.message_id,
      );
      const { message_id: _old, timestamp: _at, ...rest } = original;
      // Every attribute survives (numbers, maps, sets), plus the old id and an ISO timestamp.
      expect(copy).toMatchObject(rest);
    }
    const rekeyed = messages.filter((m) => m.conversation_id === "conv-1");
    for (const m of rekeyed) {
      expect(isTimeOrderedId(String(m.message_id))).toBe(true);
      expect(decodeTime(String(m.message_id))).toBe(Date.parse(String(m.timestamp)));
    }

    const repos = createRepositories(db, { now, messageTtlHours: 0 });
    const page = await repos.messages.page("conv-1");
    expect(page.items.map((m) => m.content)).toEqual(CONV1_MESSAGES.map((m) => m.text));
    expect(page.items[1]?.timestamp).toBe("2026-02-01T10:00:01.123Z");
    expect((await repos.messages.lastN("conv-1", 2)).map((m) => m.role)).toEqual(["user", "admin"]);
    expect((await repos.conversations.list({})).items.map((c) => c.conversationId).sort()).toEqual([
      "conv-1",
      "conv-2",
    ]);

    // The message without a timestamp stays under its old id.
    expect(messages.some((m) => m.message_id === "0b0b0b0b-5555-4eee-8eee-000000000005")).toBe(
      true,
    );
    // `keep`: nothing was given an expiry.
    expect(messages.every((m) => m.expires_at === undefined)).toBe(true);
  });

  it("a second run changes nothing", async () => {
    const report = await migrateFromReference(db, { now });
    expect(report.provisioned).toMatchObject({ created: [], indexesAdded: [] });
    expect(report.backfill).toEqual({ agents: 0, conversations: 0, auditLogs: 0 });
    expect(report.messages).toMatchObject({ scanned: 5, rekeyed: 0, alreadyTimeOrdered: 4 });
  });

  it("finishes a message whose copy was written but whose original was not yet deleted", async () => {
    const legacy = {
      conversation_id: "conv-3",
      message_id: "77777777-6666-4fff-8fff-000000000007",
      agent_id: "legacy-agent",
      role: "user",
      content: "interrupted",
      channel: "web_chat",
      timestamp: "2026-02-05T08:00:00Z",
    };
    await put(db, db.tables.messages, legacy);
    const newId = timeOrderedIdFor(legacy.message_id, new Date(legacy.timestamp));
    await put(db, db.tables.messages, {
      ...legacy,
      message_id: newId,
      legacy_message_id: legacy.message_id,
      timestamp: "2026-02-05T08:00:00.000Z",
    });

    const report = await migrateFromReference(db, { now });
    expect(report.messages.rekeyed).toBe(1);
    const conv3 = (await scanAll(db.tables.messages)).filter((m) => m.conversation_id === "conv-3");
    expect(conv3.map((m) => m.message_id)).toEqual([newId]);
  });

  it("resumes from the checkpoint an interrupted run printed", async () => {
    for (let i = 0; i < 6; i++) {
      await put(db, db.tables.messages, {
        conversation_id: `conv-4-${i % 2}`,
        message_id: `4444444${i}-0000-4000-8000-00000000000${i}`,
        agent_id: "legacy-agent",
        role: "user",
        content: `m${i}`,
        channel: "web_chat",
        timestamp: `2026-02-06T08:00:0${i}Z`,
      });
    }
    let checkpoint = "";
    await expect(
      migrateFromReference(db, {
        now,
        pageSize: 3,
        onCheckpoint: (token) => {
          checkpoint = token;
          throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    expect(checkpoint).not.toBe("");

    const report = await migrateFromReference(db, { now, pageSize: 3, resumeFrom: checkpoint });
    const legacyLeft = (await scanAll(db.tables.messages)).filter(
      (m) =>
        !isTimeOrderedId(String(m.message_id)) && String(m.conversation_id).startsWith("conv-4"),
    );
    expect(legacyLeft).toEqual([]);
    expect(report.messages.scanned).toBeLessThan(before.length + 7);
  });

  it("--legacy-ttl=apply gives items the expiry the reference meant, and says how many are past it", async () => {
    const dry = await migrateFromReference(db, { dryRun: true, legacyTtl: "apply", now });
    expect(dry.legacyTtl.conversations).toEqual({ carrying: 2, pastDue: 1, applied: 2 });
    expect(dry.messages.ttlApplied).toBe(4);

    const report = await migrateFromReference(db, { legacyTtl: "apply", now });
    expect(report.legacyTtl.conversations.applied).toBe(2);
    expect(report.messages.ttlApplied).toBe(4);
    const conv1 = (await scanAll(db.tables.conversations)).find(
      (c) => c.conversation_id === "conv-1",
    );
    expect(conv1?.expires_at).toBe(seconds("2026-02-03T10:00:00Z"));
    const repos = createRepositories(db, { now, messageTtlHours: 0 });
    expect((await repos.messages.page("conv-1")).items).toEqual([]);

    const again = await migrateFromReference(db, { legacyTtl: "apply", now });
    expect(again.legacyTtl.conversations).toEqual({ carrying: 0, pastDue: 0, applied: 0 });
    expect(again.messages.ttlApplied).toBe(0);
  });
});

describe("a table whose key this project cannot use", () => {
  it("stops before changing anything, naming the table", async () => {
    const other = await openDatabase({ mode: "embedded", tables: uniqueTableNames() });
    try {
      await createReferenceTables({
        ...other,
        tables: { ...other.tables, messages: `${other.tables.messages}-unused` },
      });
      await other.raw.send(
        new CreateTableCommand({
          TableName: other.tables.messages,
          BillingMode: "PAY_PER_REQUEST",
          KeySchema: [{ AttributeName: "message_id", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "message_id", AttributeType: "S" }],
        }),
      );
      const run = migrateFromReference(other, { now });
      await expect(run).rejects.toThrow(MigrationBlockedError);
      await expect(run).rejects.toThrow(other.tables.messages);
      const plan = await migrateFromReference(other, { dryRun: true, now }).catch((e: Error) => e);
      expect(plan).toBeInstanceOf(MigrationBlockedError);
      const { tablesToCreate } = await planSchema(other);
      expect(tablesToCreate).toContain(other.tables.secrets);
    } finally {
      await other.close();
    }
  });
});

describe("against a DynamoDB endpoint (TTL settings are real there)", () => {
  it("the dry run lists the TTL settings provisioning would enable", async () => {
    const engine = await startEmbeddedDynamo();
    const remote = await openDatabase({
      mode: "endpoint",
      endpoint: engine.endpoint,
      tables: uniqueTableNames(),
    });
    try {
      await createReferenceTables(remote);
      const report = await migrateFromReference(remote, { dryRun: true, now });
      const t = remote.tables;
      expect(report.schema.ttlToEnable).toEqual(
        [
          `${t.conversations}.expires_at`,
          `${t.messages}.expires_at`,
          `${t.sessions}.expires_at`,
          `${t.instagramProfiles}.ttl`,
          `${t.inboundEvents}.expires_at`,
          `${t.events}.expires_at`,
          `${t.knowledgeGaps}.expires_at`,
          `${t.searchIndex}.expires_at`,
          `${t.leases}.expires_at`,
        ].sort(),
      );
    } finally {
      await remote.close();
      await engine.close();
    }
  });
});
