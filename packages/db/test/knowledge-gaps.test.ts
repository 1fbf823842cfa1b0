import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidCursorError } from "../src/lib/errors";
import type { StoredKnowledgeGap } from "../src/schemas/knowledge-gap";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;

function gap(agentId: string, groupId: string, count: number, lastSeenAt: string) {
  const example = {
    question: `question ${groupId}`,
    conversationId: `conv-${groupId}`,
    channel: "web_chat",
    reason: "no_knowledge" as const,
    at: lastSeenAt,
  };
  return {
    agentId,
    groupId,
    question: example.question,
    count,
    firstSeenAt: lastSeenAt,
    lastSeenAt,
    examples: [example],
  };
}

describe("knowledge gaps repository", () => {
  it("creates a group once and updates it only at the version it was read", async () => {
    const gaps = t.repos.knowledgeGaps;
    const at = t.clock.now().toISOString();
    expect(await gaps.create(gap("dr_a", "g1", 1, at))).toBe(true);
    expect(await gaps.create(gap("dr_a", "g1", 1, at))).toBe(false);
    const [read] = await gaps.listAll("dr_a");
    expect(read).toMatchObject({ groupId: "g1", count: 1, version: 1 });
    const stored = read as StoredKnowledgeGap;
    expect(await gaps.replace({ ...stored, count: 2 })).toBe(true);
    // A second writer that read version 1 too loses and must read again.
    expect(await gaps.replace({ ...stored, count: 5 })).toBe(false);
    expect(await gaps.listAll("dr_a")).toMatchObject([{ count: 2, version: 2 }]);
    expect(await gaps.listAll("dr_other")).toEqual([]);
  });

  it("lists most asked first, then most recent, page by page", async () => {
    const gaps = t.repos.knowledgeGaps;
    const base = t.clock.now().getTime();
    const iso = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    await gaps.create(gap("dr_b", "rare", 1, iso(5)));
    await gaps.create(gap("dr_b", "often", 12, iso(1)));
    await gaps.create(gap("dr_b", "some-old", 3, iso(1)));
    await gaps.create(gap("dr_b", "some-new", 3, iso(2)));
    const first = await gaps.list("dr_b", { limit: 3 });
    expect(first.items.map((g) => g.groupId)).toEqual(["often", "some-new", "some-old"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await gaps.list("dr_b", { limit: 3, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ groupId: "rare" }], nextCursor: null });
    await expect(gaps.list("dr_a", { cursor: first.nextCursor })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it("forgets groups nobody asked about for 90 days, and removes a group once", async () => {
    const gaps = t.repos.knowledgeGaps;
    await gaps.create(gap("dr_c", "stale", 4, t.clock.now().toISOString()));
    t.clock.advance(89 * DAY);
    await gaps.create(gap("dr_c", "fresh", 1, t.clock.now().toISOString()));
    t.clock.advance(2 * DAY);
    expect((await gaps.listAll("dr_c")).map((g) => g.groupId)).toEqual(["fresh"]);
    expect((await gaps.list("dr_c")).items.map((g) => g.groupId)).toEqual(["fresh"]);
    expect(await gaps.remove("dr_c", "stale")).toBeNull();
    expect(await gaps.remove("dr_c", "fresh")).toMatchObject({ groupId: "fresh", count: 1 });
    expect(await gaps.remove("dr_c", "fresh")).toBeNull();
    expect(await gaps.listAll("dr_c")).toEqual([]);
  });
});
