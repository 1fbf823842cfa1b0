import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillLegacyItems } from "../src/provision/backfill";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock(Date.parse("2026-02-20T12:00:00.000Z"));
let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, messageTtlHours: 0 });
});
afterAll(() => t.close());

async function put(table: string, Item: Record<string, unknown>) {
  await t.db.doc.send(new PutCommand({ TableName: table, Item }));
}

describe("backfillLegacyItems", () => {
  it("makes items written by the reference product show up in the new lists", async () => {
    const { tables } = t.db;
    // Shapes of the reference's items (§2.2): no list_pk / all_pk / activity_sort / ts_sort / version.
    await put(tables.agents, {
      agent_id: "legacy-agent",
      config: { llm: { temperature: 0.3 } },
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-02T00:00:00Z",
      is_active: true,
    });
    await put(tables.conversations, {
      conversation_id: "legacy-conv",
      agent_id: "legacy-agent",
      channel: "instagram",
      status: "NEEDS_HUMAN",
      marketing_status: "BOOKED",
      created_at: "2026-02-01T10:00:00Z",
      updated_at: "2026-02-01T11:00:00Z",
      ttl: 1,
    });
    await put(tables.auditLogs, {
      log_id: "conversation_legacy-conv_1769940000",
      admin_id: "admin",
      action: "handoff",
      resource_type: "conversation",
      resource_id: "legacy-conv",
      timestamp: "2026-02-01T10:30:00Z",
      metadata: { reason: "urgent" },
    });
    expect((await t.repos.agents.list()).items).toEqual([]);

    const report = await backfillLegacyItems(t.db);
    expect(report).toEqual({ agents: 1, conversations: 1, auditLogs: 1 });

    expect((await t.repos.agents.list()).items).toMatchObject([
      { agentId: "legacy-agent", version: 0 },
    ]);
    const [conversation] = (await t.repos.conversations.list({ status: "NEEDS_HUMAN" })).items;
    expect(conversation).toMatchObject({
      conversationId: "legacy-conv",
      stage: "BOOKED",
      lastActivityAt: "2026-02-01T11:00:00.000Z",
      version: 0,
    });
    // Version 0 is what the reference's items count as, so optimistic updates work on them.
    const updated = await t.repos.conversations.update(
      "legacy-conv",
      { stage: "NO_RESPONSE" },
      { expectedVersion: 0 },
    );
    expect(updated.version).toBe(1);
    const [entry] = (await t.repos.audit.list({ resourceId: "legacy-conv" })).items;
    expect(entry).toMatchObject({
      actorId: "admin",
      action: "handoff",
      metadata: { reason: "urgent" },
    });

    expect(await backfillLegacyItems(t.db)).toEqual({ agents: 0, conversations: 0, auditLogs: 0 });
  });
});
