import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyExistsError, InvalidCursorError } from "../src/lib/errors";
import type { StoredCannedResponse } from "../src/schemas/canned-response";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const shortcuts = (items: StoredCannedResponse[]) => items.map((r) => r.shortcut);

describe("canned responses repository", () => {
  it("keeps a shortcut unique per agent and language scope, freeing it on delete and on rename", async () => {
    const canned = t.repos.cannedResponses;
    const hours = await canned.create({ shortcut: "hours", content: "We are open 9–18." });
    await expect(canned.create({ shortcut: "hours", content: "again" })).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    // Another scope is another namespace.
    const ru = await canned.create({ shortcut: "hours", content: "С 9 до 18.", language: "ru" });
    const agent = await canned.create({ shortcut: "hours", content: "x", agentId: "dr_a" });
    expect(new Set([hours.responseId, ru.responseId, agent.responseId]).size).toBe(3);

    const renamed = await canned.update(hours.responseId, { shortcut: "opening" });
    expect(renamed).toMatchObject({ shortcut: "opening", version: 2 });
    // The old shortcut is free again, the new one taken.
    const again = await canned.create({ shortcut: "hours", content: "free again" });
    await expect(canned.create({ shortcut: "opening", content: "taken" })).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    // Moving into a scope where the shortcut is taken is refused and changes nothing.
    await expect(canned.update(agent.responseId, { agentId: null })).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    expect((await canned.get(agent.responseId))?.agentId).toBe("dr_a");

    expect((await canned.delete(again.responseId))?.content).toBe("free again");
    expect(await canned.delete(again.responseId)).toBeNull();
    await canned.create({ shortcut: "hours", content: "after delete" });
    // Claim items never show in a list, and count covers responses only.
    expect(await canned.count()).toBe(4);
    const all = await canned.list({ sort: "shortcut" });
    expect(shortcuts(all.items)).toEqual(["hours", "hours", "hours", "opening"]);
    for (const r of all.items) await canned.delete(r.responseId);
  });

  it("counts every use, even concurrent ones, and lists by use through the index", async () => {
    const canned = t.repos.cannedResponses;
    const a = await canned.create({ shortcut: "a", content: "Alpha" });
    const b = await canned.create({ shortcut: "b", content: "Beta" });
    const c = await canned.create({ shortcut: "c", content: "Gamma" });
    await Promise.all(Array.from({ length: 7 }, () => canned.recordUse(b.responseId)));
    await canned.recordUse(c.responseId);
    expect((await canned.get(b.responseId))?.useCount).toBe(7);
    expect((await canned.get(b.responseId))?.lastUsedAt).toBe(t.clock.now().toISOString());
    expect(await canned.recordUse("missing")).toBeNull();

    t.commands.reset();
    const byUse = await canned.list({ sort: "use" });
    expect(shortcuts(byUse.items)).toEqual(["b", "c", "a"]);
    expect(t.commands.names).not.toContain("ScanCommand");

    // An edit keeps the count.
    await canned.update(b.responseId, { content: "Beta 2" });
    expect(await canned.get(b.responseId)).toMatchObject({ useCount: 7, content: "Beta 2" });
    for (const r of [a, b, c]) await canned.delete(r.responseId);
  });

  it("filters by agent, language and text, page by page with a cursor", async () => {
    const canned = t.repos.cannedResponses;
    await canned.create({ shortcut: "price", content: "Our PRICE list", language: "en" });
    await canned.create({ shortcut: "price", content: "Наш прайс", language: "ru" });
    await canned.create({ shortcut: "hello", content: "Hello {customer_name}" });
    await canned.create({ shortcut: "dr", content: "Dr A only", agentId: "dr_a" });
    await canned.create({ shortcut: "drb", content: "Dr B only", agentId: "dr_b" });

    const ru = await canned.list({ sort: "shortcut", language: "ru" });
    expect(ru.items.map((r) => r.content)).toEqual([
      "Dr A only",
      "Dr B only",
      "Hello {customer_name}",
      "Наш прайс",
    ]);
    const drA = await canned.list({ sort: "shortcut", agentId: "dr_a" });
    expect(shortcuts(drA.items)).toEqual(["dr", "hello", "price", "price"]);
    const found = await canned.list({ search: "price" });
    expect(found.items.map((r) => r.language).sort()).toEqual(["en", "ru"]);
    expect((await canned.list({ search: "ПРАЙС" })).items).toHaveLength(1);

    const first = await canned.list({ sort: "shortcut", limit: 2 });
    expect(shortcuts(first.items)).toEqual(["dr", "drb"]);
    const second = await canned.list({ sort: "shortcut", limit: 2, cursor: first.nextCursor });
    expect(shortcuts(second.items)).toEqual(["hello", "price"]);
    const third = await canned.list({ sort: "shortcut", limit: 2, cursor: second.nextCursor });
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
    await expect(canned.list({ sort: "use", cursor: first.nextCursor })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});
