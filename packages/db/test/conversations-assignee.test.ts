import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { Conversation } from "../src/schemas/conversation";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";
import { collectAll } from "./support/collect";

const clock = manualClock();
let t: TestDb;
let all: Conversation[] = [];
const statuses: ConversationStatus[] = ["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE"];
const assignees = ["ann", "bob", undefined, undefined];

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 5 });
  for (let i = 0; i < 40; i++) {
    clock.advance(1000);
    const c = await t.repos.conversations.create({
      agentId: `agent-${i % 2}`,
      channel: "web_chat",
    });
    const assigneeId = assignees[i % 4];
    all.push(
      await t.repos.conversations.update(c.conversationId, {
        status: statuses[i % 3],
        ...(assigneeId ? { assigneeId } : {}),
      }),
    );
  }
});
afterAll(() => t.close());

const newestFirst = (items: Conversation[]) =>
  [...items]
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))
    .map((c) => c.conversationId);

/** The needs-human queue's order when no escalation type sets a priority: longest waiting first. */
const longestWaitingFirst = (items: Conversation[]) =>
  [...items]
    .sort((a, b) =>
      (a.needsHumanSince ?? a.lastActivityAt).localeCompare(b.needsHumanSince ?? b.lastActivityAt),
    )
    .map((c) => c.conversationId);

describe("conversations by assignee", () => {
  it("one person's list is a Query on the sparse assignee index, complete through cursors", async () => {
    t.commands.reset();
    const { items } = await collectAll(
      (cursor) => t.repos.conversations.list({ assigneeId: "ann", cursor, limit: 3 }),
      3,
    );
    expect(items.map((c) => c.conversationId)).toEqual(
      newestFirst(all.filter((c) => c.assigneeId === "ann")),
    );
    expect(new Set(t.commands.names)).toEqual(new Set(["QueryCommand"]));
    expect(new Set(t.commands.calls.map((c) => c.indexName))).toEqual(
      new Set(["assignee-activity-index"]),
    );
  });

  it("combines with the other filters and the needs-human-first inbox", async () => {
    const { items } = await collectAll(
      (cursor) =>
        t.repos.conversations.listNeedsHumanFirst({
          assigneeId: "bob",
          agentId: "agent-1",
          cursor,
          limit: 2,
        }),
      2,
    );
    const bobs = all.filter((c) => c.assigneeId === "bob" && c.agentId === "agent-1");
    expect(items.map((c) => c.conversationId)).toEqual([
      ...longestWaitingFirst(bobs.filter((c) => c.status === "NEEDS_HUMAN")),
      ...newestFirst(bobs.filter((c) => c.status !== "NEEDS_HUMAN")),
    ]);
  });

  it("unassigned: nobody's conversations, through the other indexes", async () => {
    const { items } = await collectAll(
      (cursor) =>
        t.repos.conversations.list({ unassigned: true, status: "AI_ACTIVE", cursor, limit: 4 }),
      4,
    );
    expect(items.map((c) => c.conversationId)).toEqual(
      newestFirst(all.filter((c) => !c.assigneeId && c.status === "AI_ACTIVE")),
    );
  });

  it("counts per view", async () => {
    expect(await t.repos.conversations.count({ assigneeId: "ann" })).toBe(10);
    expect(await t.repos.conversations.count({ unassigned: true })).toBe(20);
    expect(await t.repos.conversations.count({ assigneeId: "bob", status: "NEEDS_HUMAN" })).toBe(
      all.filter((c) => c.assigneeId === "bob" && c.status === "NEEDS_HUMAN").length,
    );
  });

  it("unassigning removes the attribute, so the item leaves the sparse index", async () => {
    const first = all.find((c) => c.assigneeId === "ann");
    if (!first) throw new Error("missing fixture");
    const updated = await t.repos.conversations.update(first.conversationId, { assigneeId: null });
    expect(updated.assigneeId).toBeUndefined();
    const raw = await t.db.doc.send(
      new GetCommand({
        TableName: t.db.tables.conversations,
        Key: { conversation_id: first.conversationId },
      }),
    );
    expect(raw.Item).not.toHaveProperty("assignee_id");
    expect(await t.repos.conversations.count({ assigneeId: "ann" })).toBe(9);
    all = all.map((c) => (c.conversationId === first.conversationId ? updated : c));
  });
});
