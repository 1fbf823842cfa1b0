import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../src/schemas/audit-entry";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";
import { collectAll } from "./support/collect";

const clock = manualClock(Date.parse("2026-03-01T00:00:00.000Z"));
let t: TestDb;
const entries: AuditEntry[] = [];

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 6 });
  const actions = ["handoff", "return_to_ai", "send_message", "update_stage"];
  for (let i = 0; i < 60; i++) {
    clock.advance(60_000);
    entries.push(
      await t.repos.audit.append({
        actorId: `user-${i % 3}`,
        actorName: `User ${i % 3}`,
        action: actions[i % 4] ?? "handoff",
        resourceType: "conversation",
        resourceId: `conv-${i % 5}`,
        oldValue: { status: "AI_ACTIVE" },
        newValue: { status: "HUMAN_ACTIVE", n: i },
        requestId: `req-${i}`,
      }),
    );
  }
});
afterAll(() => t.close());

const newestFirst = (items: AuditEntry[]) => [...items].reverse().map((e) => e.logId);

describe("audit", () => {
  it("50 entries on one resource in the same second are 50 rows", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.repos.audit.append({
          actorId: "burst",
          action: "send_message",
          resourceType: "conversation",
          resourceId: "conv-burst",
          metadata: { i },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.logId)).size).toBe(50);
    const { items } = await collectAll(
      (cursor) => t.repos.audit.list({ resourceId: "conv-burst", cursor, limit: 20 }),
      20,
    );
    expect(items).toHaveLength(50);
  });

  const from = new Date(Date.parse("2026-03-01T00:10:00.000Z"));
  const to = new Date(Date.parse("2026-03-01T00:40:00.000Z"));
  const inRange = (e: AuditEntry) =>
    e.timestamp >= from.toISOString() && e.timestamp <= to.toISOString();
  const cases: [
    string,
    Parameters<TestDb["repos"]["audit"]["list"]>[0],
    (e: AuditEntry) => boolean,
    string,
  ][] = [
    ["time range", { from, to }, inRange, "all-time-index"],
    ["actor", { actorId: "user-1" }, (e) => e.actorId === "user-1", "actor-time-index"],
    [
      "resource + range",
      { resourceId: "conv-2", from },
      (e) => e.resourceId === "conv-2" && e.timestamp >= from.toISOString(),
      "resource-time-index",
    ],
    [
      "action + actor",
      { action: "handoff", actorId: "user-0", to },
      (e) => e.action === "handoff" && e.actorId === "user-0" && e.timestamp <= to.toISOString(),
      "actor-time-index",
    ],
    ["action", { action: "update_stage" }, (e) => e.action === "update_stage", "action-time-index"],
  ];

  it.each(cases)("by %s: newest first, complete, through %s", async (_, filters, match, index) => {
    t.commands.reset();
    const { items } = await collectAll(
      (cursor) => t.repos.audit.list({ ...filters, cursor, limit: 4 }),
      4,
    );
    const expected = newestFirst(entries.filter(match));
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((e) => e.logId)).toEqual(expected);
    expect(new Set(t.commands.calls.map((c) => `${c.name}:${c.indexName}`))).toEqual(
      new Set([`QueryCommand:${index}`]),
    );
  });

  it("round-trips every field and stores the actor as the reference's admin_id", async () => {
    const [latest] = (await t.repos.audit.list({ actorId: "user-2", limit: 1 })).items;
    const expected = entries.filter((e) => e.actorId === "user-2").at(-1);
    expect(latest).toEqual(expected);
    expect(latest?.newValue).toEqual({ status: "HUMAN_ACTIVE", n: 59 });
  });
});
