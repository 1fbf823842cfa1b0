import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillAfterProvision } from "../src/provision/backfill-queue";
import { backfillSnoozeIndexOnce } from "../src/provision/backfill-snooze";
import { createTable } from "../src/provision/create-table";
import { provisionTables } from "../src/provision/provision";
import { tableDefinition } from "../src/tables/definitions";
import { manualClock, startTestDb, uniqueTableNames } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock(Date.parse("2026-03-01T09:00:00.000Z"));
const minutes = (n: number) => new Date(clock.now().getTime() + n * 60_000).toISOString();
let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 2 });
});
afterAll(() => t.close());

/** As the previous version left a snoozed conversation: `snoozed_until` without the index's key. */
async function snoozedBeforeTheIndex(
  db: TestDb["db"],
  status: string,
  until: string,
): Promise<string> {
  const c = await t.repos.conversations.create({ agentId: "agent-s", channel: "web_chat" });
  await t.repos.conversations.update(c.conversationId, { status: "HUMAN_ACTIVE" });
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tables.conversations,
      Key: { conversation_id: c.conversationId },
      UpdateExpression: "SET snoozed_until = :u, #s = :s REMOVE snooze_pk",
      ExpressionAttributeNames: { "#s": "status" },
      ExpressionAttributeValues: { ":u": until, ":s": status },
    }),
  );
  return c.conversationId;
}

const dueIds = async (now = clock.now()) =>
  (await t.repos.conversations.listSnoozeDue({ now })).items.map((c) => c.conversationId);

describe("the snooze index", () => {
  it("lists only snoozes that ran out, earliest first, across pages; clearing one removes it", async () => {
    const ids: string[] = [];
    for (const offset of [-30, -10, -20, 60]) {
      const c = await t.repos.conversations.create({ agentId: "agent-i", channel: "web_chat" });
      await t.repos.conversations.update(c.conversationId, { status: "NEEDS_HUMAN" });
      await t.repos.conversations.update(c.conversationId, { snoozedUntil: minutes(offset) });
      ids.push(c.conversationId);
    }
    const [a, b, c, later] = ids;
    expect(await dueIds()).toEqual([a, c, b]);
    await t.repos.conversations.update(String(c), { snoozedUntil: null });
    expect(await dueIds()).toEqual([a, b]);
    // A status change ends a snooze (status-machine.ts writes snoozedUntil: null with it).
    await t.repos.conversations.update(String(a), { status: "HUMAN_ACTIVE", snoozedUntil: null });
    expect(await dueIds(new Date(Date.parse(minutes(120))))).toEqual([b, later]);
    for (const id of [b, later]) {
      await t.repos.conversations.update(String(id), { snoozedUntil: null });
    }
  });

  it("an existing deployment's snoozed conversations get its key when provisioning adds it", async () => {
    const tables = uniqueTableNames();
    const before: TestDb["db"] = { ...t.db, tables };
    const definition = tableDefinition("conversations");
    await createTable(
      before,
      tables.conversations,
      { ...definition, indexes: definition.indexes.filter((i) => i.name !== "snooze-due-index") },
      { pollIntervalMs: 5, timeoutMs: 10_000 },
    );
    // As the previous version wrote a conversation a human handles, snoozed.
    await before.doc.send(
      new PutCommand({
        TableName: tables.conversations,
        Item: {
          conversation_id: "snoozed-1",
          agent_id: "agent-s",
          status: "HUMAN_ACTIVE",
          activity_sort: "2026-03-01T08:00:00.000Z#snoozed-1",
          snoozed_until: minutes(-5),
        },
      }),
    );
    const report = await provisionTables(before, { pollIntervalMs: 5, definitions: [definition] });
    expect(report.indexesAdded).toEqual([`${tables.conversations}/snooze-due-index`]);
    const lines: string[] = [];
    await backfillAfterProvision(before, report, (l) => lines.push(l));
    expect(lines).toEqual([`put 1 snoozed conversations into snooze-due-index`]);
    const raw = await before.doc.send(
      new GetCommand({ TableName: tables.conversations, Key: { conversation_id: "snoozed-1" } }),
    );
    expect(raw.Item).toMatchObject({ snooze_pk: "SNOOZED", snoozed_until: minutes(-5) });
  });

  it("is backfilled once per deployment where Terraform made it, for snoozable conversations only", async () => {
    const due = await snoozedBeforeTheIndex(t.db, "HUMAN_ACTIVE", minutes(-5));
    const waiting = await snoozedBeforeTheIndex(t.db, "NEEDS_HUMAN", minutes(-1));
    const future = await snoozedBeforeTheIndex(t.db, "NEEDS_HUMAN", minutes(90));
    // A leftover on a conversation the AI answers: no snooze to end, so it stays out of the index.
    const stale = await snoozedBeforeTheIndex(t.db, "AI_ACTIVE", minutes(-5));
    // Before the backfill the sweep would never see them.
    expect(await dueIds()).toEqual([]);

    t.commands.reset();
    expect(await backfillSnoozeIndexOnce(t.db, clock.now())).toBe(3);
    expect(t.commands.names).not.toContain("ScanCommand");
    expect(await dueIds()).toEqual([due, waiting]);
    expect(await dueIds(new Date(Date.parse(minutes(120))))).toEqual([due, waiting, future]);
    expect(await dueIds(new Date(Date.parse(minutes(120))))).not.toContain(stale);

    // Recorded: the next start costs one read and writes nothing.
    await t.repos.conversations.update(due, { snoozedUntil: null });
    await snoozedBeforeTheIndex(t.db, "HUMAN_ACTIVE", minutes(-2));
    t.commands.reset();
    expect(await backfillSnoozeIndexOnce(t.db, clock.now())).toBe(0);
    expect(t.commands.names).toEqual(["GetItemCommand"]);
  });
});
