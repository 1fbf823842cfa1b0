import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillAfterProvision, backfillNeedsHumanQueue } from "../src/provision/backfill-queue";
import { createTable } from "../src/provision/create-table";
import { provisionTables } from "../src/provision/provision";
import { tableDefinition } from "../src/tables/definitions";
import { uniqueTableNames } from "../src/testing";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";
import { collectAll } from "./support/collect";

const clock = manualClock(Date.parse("2026-03-01T09:00:00.000Z"));
let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 3 });
});
afterAll(() => t.close());

/** A conversation escalated with `type` at the clock's time, as the status machine writes it. */
async function escalated(type: string | undefined, agentId = "agent-q") {
  clock.advance(60_000);
  const c = await t.repos.conversations.create({ agentId, channel: "web_chat" });
  return t.repos.conversations.mutate(c.conversationId, () => ({
    status: "NEEDS_HUMAN",
    escalationType: type ?? null,
    needsHumanSince: clock.now().toISOString(),
  }));
}

describe("the needs-human queue", () => {
  it("is most urgent first, then longest waiting, complete through cursors", async () => {
    const routineOld = await escalated("booking");
    const otherOld = await escalated("custom");
    const medical = await escalated("medical");
    const abuse = await escalated("moderation");
    const urgentLate = await escalated("urgent");
    const routineNew = await escalated("contact");
    const untyped = await escalated(undefined);
    const urgentLater = await escalated("urgent");
    // A routine conversation with newer activity stays where its waiting time puts it.
    await t.repos.conversations.touchActivity(routineOld.conversationId, { preview: "hi" });

    t.commands.reset();
    const { items, pages } = await collectAll(
      (cursor) => t.repos.conversations.list({ status: "NEEDS_HUMAN", cursor, limit: 3 }),
      3,
    );
    expect(pages).toBe(3);
    expect(items.map((c) => c.conversationId)).toEqual(
      [urgentLate, urgentLater, medical, abuse, routineOld, routineNew, otherOld, untyped].map(
        (c) => c.conversationId,
      ),
    );
    expect(t.commands.names).not.toContain("ScanCommand");

    // The inbox's first half is the same queue, narrowed by the list's filters.
    const mine = await escalated("medical", "agent-other");
    const page = await t.repos.conversations.listNeedsHumanFirst({ agentId: "agent-other" });
    expect(page.items.map((c) => c.conversationId)).toEqual([mine.conversationId]);
  });

  it("drops a conversation as soon as it stops waiting, and takes it back on a new escalation", async () => {
    const c = await escalated("urgent", "agent-leave");
    const inQueue = async () =>
      (await t.repos.conversations.list({ status: "NEEDS_HUMAN", agentId: "agent-leave" })).items
        .length;
    expect(await inQueue()).toBe(1);
    await t.repos.conversations.mutate(c.conversationId, () => ({ status: "HUMAN_ACTIVE" }));
    expect(await inQueue()).toBe(0);
    const raw = await t.db.doc.send(
      new GetCommand({
        TableName: t.db.tables.conversations,
        Key: { conversation_id: c.conversationId },
      }),
    );
    expect(raw.Item?.queue_pk).toBeUndefined();
    // A bare update (no row read first) is put right after its write.
    await t.repos.conversations.update(c.conversationId, { status: "NEEDS_HUMAN" });
    expect(await inQueue()).toBe(1);
  });

  it("backfills rows that waited before the queue existed, by a Query", async () => {
    const c = await escalated("medical", "agent-old");
    await t.db.doc.send(
      new UpdateCommand({
        TableName: t.db.tables.conversations,
        Key: { conversation_id: c.conversationId },
        UpdateExpression: "REMOVE queue_pk, queue_sort",
      }),
    );
    const listed = () =>
      t.repos.conversations.list({ status: "NEEDS_HUMAN", agentId: "agent-old" });
    expect((await listed()).items).toEqual([]);
    t.commands.reset();
    expect(await backfillNeedsHumanQueue(t.db)).toBe(1);
    expect(t.commands.names).not.toContain("ScanCommand");
    expect((await listed()).items.map((x) => x.conversationId)).toEqual([c.conversationId]);
    expect(await backfillNeedsHumanQueue(t.db)).toBe(0);
  });
});

describe("an existing deployment", () => {
  it("gets its waiting conversations into the queue when provisioning adds the index", async () => {
    const tables = uniqueTableNames();
    const before: typeof t.db = { ...t.db, tables };
    const definition = tableDefinition("conversations");
    const withoutQueue = {
      ...definition,
      indexes: definition.indexes.filter((i) => i.name !== "needs-human-queue-index"),
    };
    await createTable(before, tables.conversations, withoutQueue, {
      pollIntervalMs: 5,
      timeoutMs: 10_000,
    });
    // As the previous version wrote a conversation waiting for a human.
    await t.db.doc.send(
      new UpdateCommand({
        TableName: tables.conversations,
        Key: { conversation_id: "waiting-1" },
        UpdateExpression:
          "SET agent_id = :a, #s = :s, channel = :c, stage = :g, all_pk = :p, activity_sort = :o, " +
          "last_activity_at = :t, created_at = :t, updated_at = :t, needs_human_since = :t, " +
          "escalation_type = :e, version = :v",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":a": "agent-x",
          ":s": "NEEDS_HUMAN",
          ":c": "web_chat",
          ":g": "NEW",
          ":p": "CONVERSATION",
          ":o": "2026-03-01T08:00:00.000Z#waiting-1",
          ":t": "2026-03-01T08:00:00.000Z",
          ":e": "urgent",
          ":v": 1,
        },
      }),
    );
    const report = await provisionTables(before, { pollIntervalMs: 5, definitions: [definition] });
    expect(report.indexesAdded).toEqual([`${tables.conversations}/needs-human-queue-index`]);
    expect(await backfillAfterProvision(before, report)).toBe(1);
    const raw = await t.db.doc.send(
      new GetCommand({ TableName: tables.conversations, Key: { conversation_id: "waiting-1" } }),
    );
    expect(raw.Item).toMatchObject({
      queue_pk: "NEEDS_HUMAN",
      queue_sort: "0#2026-03-01T08:00:00.000Z#waiting-1",
    });
    // Nothing added, nothing to do.
    const again = await provisionTables(before, { pollIntervalMs: 5, definitions: [definition] });
    expect(await backfillAfterProvision(before, again)).toBe(0);
  });
});

describe("the customer's last message", () => {
  it("moves only with the customer's messages, in the activity write itself", async () => {
    const c = await t.repos.conversations.create({ agentId: "agent-p", channel: "telegram" });
    clock.advance(1000);
    t.commands.reset();
    const afterCustomer = await t.repos.conversations.touchActivity(c.conversationId, {
      preview: "Is the clinic open on Sunday?",
      fromCustomer: true,
    });
    expect(t.commands.names).toEqual(["UpdateItemCommand"]);
    const at = clock.now().toISOString();
    expect(afterCustomer).toMatchObject({
      lastCustomerMessageAt: at,
      lastCustomerMessagePreview: "Is the clinic open on Sunday?",
      lastMessagePreview: "Is the clinic open on Sunday?",
    });
    clock.advance(1000);
    const afterBot = await t.repos.conversations.touchActivity(c.conversationId, {
      preview: "We are open 9–14 on Sundays.",
    });
    expect(afterBot).toMatchObject({
      lastCustomerMessageAt: at,
      lastCustomerMessagePreview: "Is the clinic open on Sunday?",
      lastMessagePreview: "We are open 9–14 on Sundays.",
    });
  });
});

describe("read markers", () => {
  it("are per staff member and conversation, move only forward, and are read in one batch", async () => {
    const { readMarkers } = t.repos;
    await readMarkers.markRead("user-a", "conv-1", new Date("2026-03-01T10:00:00.000Z"));
    await readMarkers.markRead("user-a", "conv-1", new Date("2026-03-01T09:00:00.000Z"));
    await readMarkers.markRead("user-b", "conv-2", new Date("2026-03-01T11:00:00.000Z"));
    t.commands.reset();
    const ids = ["conv-1", "conv-2", ...Array.from({ length: 150 }, (_, i) => `other-${i}`)];
    const a = await readMarkers.readTimes("user-a", ids);
    expect([...a]).toEqual([["conv-1", "2026-03-01T10:00:00.000Z"]]);
    expect(t.commands.names).toEqual(["BatchGetItemCommand", "BatchGetItemCommand"]);
    const b = await readMarkers.readTimes("user-b", ["conv-1", "conv-2"]);
    expect([...b]).toEqual([["conv-2", "2026-03-01T11:00:00.000Z"]]);
    // Not an admin session: "sign this user out everywhere" never finds a marker.
    expect(await t.repos.sessions.deleteSessionsOfUser("user-a")).toBe(0);
    expect((await readMarkers.readTimes("user-a", ["conv-1"])).size).toBe(1);
  });
});
