import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidCursorError } from "../src/lib/errors";
import type { Channel } from "@agents-crm/config/channels";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { Conversation } from "../src/schemas/conversation";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";
import { collectAll } from "./support/collect";

const clock = manualClock();
let t: TestDb;
const all: Conversation[] = [];
/** Rows escalated without `needsHumanSince` wait from their last activity at the time. */
const waitingSince = new Map<string, string>();
const statuses: ConversationStatus[] = ["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE", "CLOSED"];
const channels: Channel[] = ["web_chat", "instagram", "telegram", "whatsapp"];
const stages = ["NEW", "BOOKED", "NO_RESPONSE"];

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 5 });
  for (let i = 0; i < 90; i++) {
    clock.advance(1000);
    const c = await t.repos.conversations.create({
      agentId: `agent-${i % 3}`,
      channel: channels[i % 4] ?? "web_chat",
    });
    const updated = await t.repos.conversations.update(c.conversationId, {
      status: statuses[Math.floor(i / 5) % 4],
      stage: stages[Math.floor(i / 7) % 3],
    });
    all.push(updated);
    if (updated.status === "NEEDS_HUMAN")
      waitingSince.set(c.conversationId, updated.lastActivityAt);
  }
  // Activity reorders: the oldest ten become the newest.
  for (const c of all.slice(0, 10)) {
    clock.advance(1000);
    const touched = await t.repos.conversations.touchActivity(c.conversationId, { preview: "hi" });
    all[all.indexOf(c)] = touched ?? c;
  }
});
afterAll(() => t.close());

/** The needs-human queue's order when every row has the same priority: longest waiting first. */
const queueOrder = (items: Conversation[]) =>
  items
    .map((c) => `${waitingSince.get(c.conversationId) ?? ""}#${c.conversationId}`)
    .sort()
    .map((key) => key.split("#")[1]);

const newestFirst = (items: Conversation[]) =>
  [...items]
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))
    .map((c) => c.conversationId);

describe("conversation lists", () => {
  const cases: [
    string,
    Parameters<TestDb["repos"]["conversations"]["list"]>[0],
    (c: Conversation) => boolean,
    string,
  ][] = [
    ["unfiltered", {}, () => true, "all-activity-index"],
    ["by status", { status: "CLOSED" }, (c) => c.status === "CLOSED", "status"],
    ["by agent", { agentId: "agent-1" }, (c) => c.agentId === "agent-1", "agent"],
    ["by channel", { channel: "telegram" }, (c) => c.channel === "telegram", "channel"],
    ["by stage", { stage: "BOOKED" }, (c) => c.stage === "BOOKED", "stage"],
    [
      "by agent + status + stage",
      { agentId: "agent-2", status: "AI_ACTIVE", stage: "NO_RESPONSE" },
      (c) => c.agentId === "agent-2" && c.status === "AI_ACTIVE" && c.stage === "NO_RESPONSE",
      "agent",
    ],
    [
      "by channel + status",
      { channel: "instagram", status: "HUMAN_ACTIVE" },
      (c) => c.channel === "instagram" && c.status === "HUMAN_ACTIVE",
      "status",
    ],
  ];

  it.each(cases)(
    "%s: newest activity first, complete through cursors, no Scan",
    async (_, filters, match, index) => {
      t.commands.reset();
      const { items } = await collectAll(
        (cursor) => t.repos.conversations.list({ ...filters, cursor, limit: 4 }),
        4,
      );
      const expected = newestFirst(all.filter(match));
      expect(expected.length).toBeGreaterThan(0);
      expect(items.map((c) => c.conversationId)).toEqual(expected);
      expect(t.commands.names).not.toContain("ScanCommand");
      expect(new Set(t.commands.names)).toEqual(new Set(["QueryCommand"]));
      expect(new Set(t.commands.calls.map((c) => c.indexName))).toEqual(
        new Set([index.includes("-") ? index : `${index}-activity-index`]),
      );
    },
  );

  it("the last page has a null cursor, never an empty extra page", async () => {
    const page = await t.repos.conversations.list({ agentId: "agent-0", limit: 30 });
    expect(page.items).toHaveLength(30);
    expect(page.nextCursor).toBeNull();
  });

  it("the needs-human status is the queue: longest waiting first, through its own index", async () => {
    t.commands.reset();
    const { items } = await collectAll(
      (cursor) => t.repos.conversations.list({ status: "NEEDS_HUMAN", cursor, limit: 4 }),
      4,
    );
    expect(items.map((c) => c.conversationId)).toEqual(
      queueOrder(all.filter((c) => c.status === "NEEDS_HUMAN")),
    );
    expect(new Set(t.commands.calls.map((c) => c.indexName))).toEqual(
      new Set(["needs-human-queue-index"]),
    );
  });

  it("needs-human first (the queue's order), then the rest, newest activity first", async () => {
    const { items } = await collectAll(
      (cursor) => t.repos.conversations.listNeedsHumanFirst({ cursor, limit: 7 }),
      7,
    );
    const needsHuman = all.filter((c) => c.status === "NEEDS_HUMAN");
    const rest = all.filter((c) => c.status !== "NEEDS_HUMAN");
    expect(items.map((c) => c.conversationId)).toEqual([
      ...queueOrder(needsHuman),
      ...newestFirst(rest),
    ]);

    // A page that ends exactly where the needs-human part ends still points at the rest.
    const exact = await t.repos.conversations.listNeedsHumanFirst({ limit: needsHuman.length });
    expect(exact.items).toHaveLength(needsHuman.length);
    const next = await t.repos.conversations.listNeedsHumanFirst({
      cursor: exact.nextCursor,
      limit: 3,
    });
    expect(next.items.map((c) => c.conversationId)).toEqual(newestFirst(rest).slice(0, 3));
  });

  it("counts through the same indexes", async () => {
    expect(await t.repos.conversations.count({ status: "CLOSED" })).toBe(
      all.filter((c) => c.status === "CLOSED").length,
    );
    expect(await t.repos.conversations.count({ agentId: "agent-1", channel: "instagram" })).toBe(
      all.filter((c) => c.agentId === "agent-1" && c.channel === "instagram").length,
    );
  });

  it("rejects a garbled cursor and a cursor from another list", async () => {
    await expect(t.repos.conversations.list({ cursor: "not a cursor!" })).rejects.toThrow(
      InvalidCursorError,
    );
    const other = await t.repos.conversations.list({ status: "CLOSED", limit: 1 });
    await expect(
      t.repos.conversations.list({ status: "AI_ACTIVE", cursor: other.nextCursor }),
    ).rejects.toThrow(InvalidCursorError);
  });

  it("keeps marketing_status mirrored for the reference's readers", async () => {
    const c = all[5];
    if (!c) throw new Error("missing fixture");
    const raw = await t.db.doc.send(
      new (await import("@aws-sdk/lib-dynamodb")).GetCommand({
        TableName: t.db.tables.conversations,
        Key: { conversation_id: c.conversationId },
      }),
    );
    expect(raw.Item?.marketing_status).toBe(c.stage);
  });
});
