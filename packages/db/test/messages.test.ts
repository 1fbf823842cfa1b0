import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "../src/schemas/message";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock();
let t: TestDb;
const TOTAL = 320;
const conversationId = "conv-many";
let appended: Message[] = [];

beforeAll(async () => {
  // A small internal page size forces every read across many DynamoDB pages.
  t = await startTestDb({ now: clock.now, queryPageSize: 7 });
  const input = (i: number) => ({
    conversationId,
    agentId: "agent-1",
    role: i % 2 ? ("agent" as const) : ("user" as const),
    content: `message ${i}`,
    channel: "web_chat" as const,
  });
  // Many in the same millisecond: the monotonic ULID still orders them.
  for (let i = 0; i < TOTAL; i++) {
    appended.push(await t.repos.messages.append(input(i)));
    if (i % 40 === 0) clock.advance(1);
  }
  appended = appended.slice();
});
afterAll(() => t.close());

describe("messages", () => {
  it("lastN returns exactly the last n, oldest first, across many DynamoDB pages", async () => {
    t.commands.reset();
    const last = await t.repos.messages.lastN(conversationId, 50);
    expect(last.map((m) => m.content)).toEqual(appended.slice(-50).map((m) => m.content));
    expect(t.commands.names.filter((n) => n === "QueryCommand").length).toBeGreaterThan(5);
    expect(t.commands.names).not.toContain("ScanCommand");
  });

  it("lastN with big contents crosses DynamoDB's 1 MB pages", async () => {
    const big = "x".repeat(200_000);
    const id = "conv-big";
    for (let i = 0; i < 8; i++) {
      await t.repos.messages.append({
        conversationId: id,
        agentId: "agent-1",
        role: "user",
        content: `${i}:${big}`,
        channel: "web_chat",
      });
    }
    const last = await t.repos.messages.lastN(id, 7);
    expect(last.map((m) => m.content.split(":")[0])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });

  it.each(["asc", "desc"] as const)("pages in %s order yield every message once", async (order) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await t.repos.messages.page(conversationId, { order, cursor, limit: 45 });
      expect(page.items.length).toBeLessThanOrEqual(45);
      seen.push(...page.items.map((m) => m.messageId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const expected = appended.map((m) => m.messageId);
    expect(seen).toEqual(order === "asc" ? expected : [...expected].reverse());
    expect(pages).toBe(Math.ceil(TOTAL / 45));
  });

  it("message ids sort in append order even when the clock steps back", async () => {
    const sorted = [...appended.map((m) => m.messageId)].sort();
    expect(sorted).toEqual(appended.map((m) => m.messageId));
  });

  it("stores the optional fields and updates delivery status", async () => {
    const m = await t.repos.messages.append({
      conversationId: "conv-delivery",
      agentId: "agent-1",
      role: "agent",
      content: "hello",
      channel: "telegram",
      kind: "photo",
      deliveryStatus: "pending",
      metadata: {
        sources: [{ sourceId: "doc_about", title: "About", score: 0.8 }],
        usage: { totalTokens: 15, costUsd: 0.0001 },
      },
      timestamp: "2026-02-01T08:00:00.000Z",
    });
    expect(await t.repos.messages.get("conv-delivery", m.messageId)).toEqual(m);

    const failed = await t.repos.messages.updateDelivery("conv-delivery", m.messageId, {
      status: "failed",
      error: "bot was blocked",
    });
    expect(failed).toMatchObject({ deliveryStatus: "failed", deliveryError: "bot was blocked" });
    // Why it failed, kept for the console to word in its language (nested names intact).
    const refused = await t.repos.messages.updateDelivery("conv-delivery", m.messageId, {
      status: "failed",
      error: "the token is another bot's",
      failure: { kind: "telegram_wrong_bot", botId: "111", boundBotId: "222" },
    });
    expect(refused.deliveryFailure).toEqual({
      kind: "telegram_wrong_bot",
      botId: "111",
      boundBotId: "222",
    });
    expect((await t.repos.messages.get("conv-delivery", m.messageId))?.deliveryFailure).toEqual(
      refused.deliveryFailure,
    );
    const sent = await t.repos.messages.updateDelivery("conv-delivery", m.messageId, {
      status: "sent",
      externalMessageId: "tg-77",
    });
    expect(sent).toMatchObject({ deliveryStatus: "sent", externalMessageId: "tg-77" });
    expect(sent.deliveryError).toBeUndefined();
    expect(sent.deliveryFailure).toBeUndefined();
    expect(sent.metadata).toEqual({
      sources: [{ sourceId: "doc_about", title: "About", score: 0.8 }],
      usage: { totalTokens: 15, costUsd: 0.0001 },
    });
    await expect(
      t.repos.messages.updateDelivery("conv-delivery", "01NOPE", { status: "sent" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads an older row's metadata field by field: what does not match is absent, the rest kept", async () => {
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.messages,
        Item: {
          conversation_id: "conv-legacy-metadata",
          message_id: "01LEGACY0000000000000000001",
          agent_id: "agent-1",
          role: "agent",
          content: "hi",
          channel: "telegram",
          timestamp: "2026-02-01T08:00:00.000Z",
          metadata: {
            sources: ["doc_about"],
            usage: { prompt_tokens: 12, costUsd: "free", totalTokens: 3 },
            turnId: "turn-1",
            escalation: null,
            offline: "yes",
            tags: ["a"],
          },
        },
      }),
    );
    const [legacy] = (await t.repos.messages.page("conv-legacy-metadata")).items;
    expect(legacy?.metadata).toEqual({
      usage: { totalTokens: 3 },
      turnId: "turn-1",
      escalation: null,
    });
  });
});
