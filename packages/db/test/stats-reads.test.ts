import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock(Date.parse("2026-02-20T12:00:00.000Z"));
let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, messageTtlHours: 48 });
});
afterAll(() => t.close());

async function putConversation(item: Record<string, unknown>) {
  await t.db.doc.send(new PutCommand({ TableName: t.db.tables.conversations, Item: item }));
}

describe("stats reads", () => {
  it("reads conversations active since a time, the reference's attribute names as fallbacks", async () => {
    const ours = await t.repos.conversations.create({ agentId: "a1", channel: "telegram" });
    await t.repos.conversations.update(ours.conversationId, {
      stage: "BOOKED",
      escalationType: "medical",
    });
    // As the reference wrote it, then backfilled: marketing_status, request_type, no status/channel.
    await putConversation({
      conversation_id: "legacy",
      agent_id: "a1",
      all_pk: "CONVERSATION",
      created_at: "2026-02-20T11:00:00.000Z",
      activity_sort: "2026-02-20T11:00:00.000Z#legacy",
      marketing_status: "LOST",
      request_type: "booking",
    });
    await putConversation({
      conversation_id: "expired",
      agent_id: "a1",
      all_pk: "CONVERSATION",
      created_at: "2026-02-20T11:30:00.000Z",
      activity_sort: "2026-02-20T11:30:00.000Z#expired",
      expires_at: Math.floor(clock.now().getTime() / 1000) - 1,
    });
    await putConversation({
      conversation_id: "old",
      agent_id: "a1",
      all_pk: "CONVERSATION",
      created_at: "2026-02-01T00:00:00.000Z",
      activity_sort: "2026-02-01T00:00:00.000Z#old",
    });

    const since = new Date("2026-02-20T00:00:00.000Z");
    const facts = await t.repos.stats.conversationsActiveSince({ since });
    expect(facts.map((f) => f.conversationId)).toEqual(["legacy", ours.conversationId]);
    expect(facts[0]).toEqual({
      conversationId: "legacy",
      createdAt: "2026-02-20T11:00:00.000Z",
      lastActivityAt: "2026-02-20T11:00:00.000Z",
      status: "AI_ACTIVE",
      stage: "LOST",
      channel: "web_chat",
      needsHumanSince: null,
      escalationType: "booking",
    });
    expect(facts[1]).toMatchObject({ stage: "BOOKED", escalationType: "medical" });
    const byAgent = await t.repos.stats.conversationsActiveSince({ since, agentId: "other" });
    expect(byAgent).toEqual([]);
  });

  it("reads a conversation's messages made within a window, with their time", async () => {
    const c = await t.repos.conversations.create({ agentId: "a2", channel: "web_chat" });
    const before = await t.repos.messages.append({
      conversationId: c.conversationId,
      agentId: "a2",
      channel: "web_chat",
      role: "user",
      content: "hello",
    });
    clock.advance(60_000);
    const from = clock.now();
    const inside = await t.repos.messages.append({
      conversationId: c.conversationId,
      agentId: "a2",
      channel: "web_chat",
      role: "agent",
      content: "hi",
      metadata: { usage: { costUsd: 0.5 } },
    });
    const rows = await t.repos.stats.messagesBetween(c.conversationId, {
      from,
      to: clock.now(),
    });
    expect(rows).toEqual([
      {
        conversationId: c.conversationId,
        at: from.getTime(),
        role: "agent",
        metadata: { usage: { costUsd: 0.5 } },
      },
    ]);
    expect(inside.messageId > before.messageId).toBe(true);
  });
});
