import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, VersionConflictError } from "../src/lib/errors";
import { lookupKey } from "../src/repositories/conversation-lookup";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock();
let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, messageTtlHours: 48 });
});
afterAll(() => t.close());

const user = (externalUserId: string) => ({
  agentId: "agent-1",
  channel: "instagram" as const,
  externalUserId,
});

describe("findOrCreate", () => {
  it("20 concurrent callers get one conversation, created once", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.repos.conversations.findOrCreate(user("ig-race"))),
    );
    const ids = new Set(results.map((r) => r.conversation.conversationId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const listed = await t.repos.conversations.list({ agentId: "agent-1", limit: 100 });
    expect(listed.items.filter((c) => c.externalUserId === "ig-race")).toHaveLength(1);
  });

  it("lookup items never appear in any list", async () => {
    await t.repos.conversations.findOrCreate(user("ig-hidden"));
    const listed = await t.repos.conversations.list({ limit: 500 });
    expect(listed.items.every((c) => !c.conversationId.startsWith("lookup#"))).toBe(true);
    expect(await t.repos.conversations.get(lookupKey(user("ig-hidden")))).toBeNull();
  });

  it("repairs a lookup whose creator crashed before writing the conversation", async () => {
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.conversations,
        Item: {
          conversation_id: lookupKey(user("ig-crash")),
          target_id: "half-made",
          created_at: "x",
        },
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.repos.conversations.findOrCreate(user("ig-crash"))),
    );
    expect(new Set(results.map((r) => r.conversation.conversationId))).toEqual(
      new Set(["half-made"]),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.repos.conversations.get("half-made")).toMatchObject({
      externalUserId: "ig-crash",
    });
  });

  it("after CLOSED, the next message starts a fresh conversation; the closed one stays", async () => {
    const first = await t.repos.conversations.findOrCreate(user("ig-closed"));
    await t.repos.conversations.update(first.conversation.conversationId, { status: "CLOSED" });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.repos.conversations.findOrCreate(user("ig-closed"))),
    );
    const ids = new Set(results.map((r) => r.conversation.conversationId));
    expect(ids.size).toBe(1);
    expect(ids.has(first.conversation.conversationId)).toBe(false);
    expect(await t.repos.conversations.get(first.conversation.conversationId)).toMatchObject({
      status: "CLOSED",
    });
  });

  it("after expiry, a fresh conversation; activity keeps the lookup alive longer than the conversation", async () => {
    const first = await t.repos.conversations.findOrCreate(user("ig-ttl"));
    const id = first.conversation.conversationId;
    for (let day = 0; day < 5; day++) {
      clock.advance(24 * 3600 * 1000);
      await t.repos.conversations.touchActivity(id);
    }
    const lookup = await t.db.doc.send(
      new GetCommand({
        TableName: t.db.tables.conversations,
        Key: { conversation_id: lookupKey(user("ig-ttl")) },
      }),
    );
    const conversation = await t.repos.conversations.get(id);
    expect(lookup.Item?.expires_at).toBeGreaterThanOrEqual(conversation?.expiresAt ?? Infinity);
    expect(
      (await t.repos.conversations.findOrCreate(user("ig-ttl"))).conversation.conversationId,
    ).toBe(id);

    clock.advance(49 * 3600 * 1000);
    expect(await t.repos.conversations.get(id)).toBeNull();
    const next = await t.repos.conversations.findOrCreate(user("ig-ttl"));
    expect(next.created).toBe(true);
    expect(next.conversation.conversationId).not.toBe(id);
  });
});

describe("optimistic concurrency", () => {
  it("two updates from the same version: one wins, the other gets VersionConflictError", async () => {
    const c = await t.repos.conversations.create({ agentId: "agent-1", channel: "web_chat" });
    const outcomes = await Promise.allSettled([
      t.repos.conversations.update(
        c.conversationId,
        { status: "HUMAN_ACTIVE" },
        { expectedVersion: c.version },
      ),
      t.repos.conversations.update(
        c.conversationId,
        { stage: "BOOKED" },
        { expectedVersion: c.version },
      ),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(VersionConflictError);
    expect((await t.repos.conversations.get(c.conversationId))?.version).toBe(c.version + 1);
  });

  it("mutate re-reads and retries, so both concurrent changes land", async () => {
    const c = await t.repos.conversations.create({ agentId: "agent-1", channel: "web_chat" });
    const [a, b] = await Promise.all([
      t.repos.conversations.mutate(c.conversationId, () => ({
        status: "NEEDS_HUMAN",
        handoffReason: "urgent",
      })),
      t.repos.conversations.mutate(c.conversationId, () => ({ stage: "BOOKED" })),
    ]);
    expect(a.version).not.toBe(b.version);
    expect(await t.repos.conversations.get(c.conversationId)).toMatchObject({
      status: "NEEDS_HUMAN",
      handoffReason: "urgent",
      stage: "BOOKED",
      version: c.version + 2,
    });
  });

  it("update keeps created_at, clears fields set to null, and reports a missing conversation", async () => {
    const c = await t.repos.conversations.create({ agentId: "agent-1", channel: "web_chat" });
    clock.advance(1000);
    await t.repos.conversations.update(c.conversationId, {
      handoffReason: "x",
      escalationType: "urgent",
    });
    const cleared = await t.repos.conversations.update(c.conversationId, { handoffReason: null });
    expect(cleared.handoffReason).toBeUndefined();
    expect(cleared).toMatchObject({
      createdAt: c.createdAt,
      escalationType: "urgent",
      requestType: "urgent",
    });
    expect(cleared.updatedAt > c.updatedAt).toBe(true);
    await expect(t.repos.conversations.update("nope", { status: "CLOSED" })).rejects.toThrow(
      NotFoundError,
    );
  });

  it("touchActivity never moves activity back in time and does not bump the version", async () => {
    const c = await t.repos.conversations.create({ agentId: "agent-1", channel: "web_chat" });
    const later = new Date(clock.now().getTime() + 5000);
    await t.repos.conversations.touchActivity(c.conversationId, { at: later, preview: "newer" });
    const stale = await t.repos.conversations.touchActivity(c.conversationId, { preview: "older" });
    expect(stale).toMatchObject({
      lastActivityAt: later.toISOString(),
      lastMessagePreview: "newer",
      version: c.version,
    });
  });
});

describe("TTL", () => {
  it("expired conversations and messages read as absent, even before TTL deletes them", async () => {
    const c = await t.repos.conversations.create({ agentId: "agent-ttl", channel: "web_chat" });
    const base = {
      conversationId: c.conversationId,
      agentId: "agent-ttl",
      channel: "web_chat" as const,
    };
    const old = await t.repos.messages.append({ ...base, role: "user", content: "old" });
    clock.advance(47 * 3600 * 1000);
    await t.repos.conversations.touchActivity(c.conversationId);
    const recent = await t.repos.messages.append({ ...base, role: "agent", content: "recent" });
    clock.advance(2 * 3600 * 1000);

    expect(await t.repos.messages.get(c.conversationId, old.messageId)).toBeNull();
    expect((await t.repos.messages.lastN(c.conversationId, 10)).map((m) => m.messageId)).toEqual([
      recent.messageId,
    ]);
    expect((await t.repos.messages.page(c.conversationId)).items).toHaveLength(1);
    expect(await t.repos.conversations.get(c.conversationId)).not.toBeNull();

    clock.advance(47 * 3600 * 1000);
    expect(await t.repos.conversations.get(c.conversationId)).toBeNull();
    expect((await t.repos.conversations.list({ agentId: "agent-ttl" })).items).toEqual([]);
    expect(await t.repos.conversations.count({ agentId: "agent-ttl" })).toBe(0);
    expect(await t.repos.messages.lastN(c.conversationId, 10)).toEqual([]);
    await expect(t.repos.conversations.update(c.conversationId, { stage: "X" })).rejects.toThrow(
      NotFoundError,
    );

    // Still stored (the embedded engine never deletes): the TTL attribute is the one definitions.ts names.
    const raw = await t.db.doc.send(
      new QueryCommand({
        TableName: t.db.tables.messages,
        KeyConditionExpression: "conversation_id = :c",
        ExpressionAttributeValues: { ":c": c.conversationId },
      }),
    );
    expect(raw.Items).toHaveLength(2);
    expect(typeof raw.Items?.[0]?.expires_at).toBe("number");
  });

  it("MESSAGE_TTL_HOURS=0 writes no expiry", async () => {
    const repos = (await import("../src/repositories")).createRepositories(t.db, {
      now: clock.now,
      messageTtlHours: 0,
    });
    const c = await repos.conversations.create({ agentId: "agent-forever", channel: "web_chat" });
    const m = await repos.messages.append({
      conversationId: c.conversationId,
      agentId: "a",
      role: "user",
      content: "x",
      channel: "web_chat",
    });
    expect(c.expiresAt).toBeUndefined();
    expect(m.expiresAt).toBeUndefined();
    clock.advance(1000 * 24 * 3600 * 1000);
    expect(await repos.conversations.get(c.conversationId)).not.toBeNull();
  });
});
