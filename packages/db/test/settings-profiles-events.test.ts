import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { VersionConflictError } from "../src/lib/errors";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

describe("settings repository", () => {
  const stages = ["NEW", "BOOKED", "NO_RESPONSE", "REJECTED"];

  it("versions JSON documents with optimistic concurrency", async () => {
    const { settings } = t.repos;
    expect(await settings.get("crm.stages")).toBeNull();
    const first = await settings.put("crm.stages", { stages }, { expectedVersion: 0 });
    expect(first.version).toBe(1);
    await expect(
      settings.put("crm.stages", { stages: [] }, { expectedVersion: 0 }),
    ).rejects.toThrow(VersionConflictError);
    const second = await settings.put(
      "crm.stages",
      { stages: [...stages, "WON"] },
      { expectedVersion: 1 },
    );
    expect(second.version).toBe(2);
    await expect(settings.put("crm.stages", { stages }, { expectedVersion: 1 })).rejects.toThrow(
      VersionConflictError,
    );
    const read = await settings.get("crm.stages", z.object({ stages: z.array(z.string()) }));
    expect(read).toMatchObject({ value: { stages: [...stages, "WON"] }, version: 2 });
    expect((await settings.put("crm.stages", { stages, ratio: 0.1 })).version).toBe(3);
    expect((await settings.get("crm.stages"))?.value).toEqual({ stages, ratio: 0.1 });
  });

  it("lets exactly one of two concurrent writers at the same version win", async () => {
    const { settings } = t.repos;
    await settings.put("race", 0, { expectedVersion: 0 });
    const results = await Promise.allSettled([
      settings.put("race", 1, { expectedVersion: 1 }),
      settings.put("race", 2, { expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("instagram profiles repository", () => {
  it("caches a profile for 5 days and then reads it as absent", async () => {
    const { instagramProfiles } = t.repos;
    expect(await instagramProfiles.get("igsid-1")).toBeNull();
    await instagramProfiles.put({
      externalUserId: "igsid-1",
      name: "Ann",
      username: "ann",
      profilePic: "https://cdn/x",
    });
    expect(await instagramProfiles.get("igsid-1")).toMatchObject({ name: "Ann", username: "ann" });
    t.clock.advance(5 * 24 * 3600 * 1000 - 1000);
    expect(await instagramProfiles.get("igsid-1")).not.toBeNull();
    t.clock.advance(1000);
    expect(await instagramProfiles.get("igsid-1")).toBeNull();
  });
});

describe("event log repository", () => {
  it("appends ordered ids and lists after a given id, ascending", async () => {
    const { eventLog } = t.repos;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await eventLog.append("admin", { type: "conversation.updated", payload: { i } })).eventId,
      );
    }
    await eventLog.append("conversation#c1", { type: "message", payload: { text: "x" } });
    expect([...ids].sort()).toEqual(ids);
    const all = await eventLog.listAfter("admin", null, 100);
    expect(all.map((e) => e.eventId)).toEqual(ids);
    expect(all[0]).toMatchObject({
      type: "conversation.updated",
      payload: { i: 0 },
      stream: "admin",
    });
    expect((await eventLog.listAfter("admin", ids[1]!, 100)).map((e) => e.eventId)).toEqual(
      ids.slice(2),
    );
    expect((await eventLog.listAfter("admin", ids[1]!, 2)).map((e) => e.eventId)).toEqual(
      ids.slice(2, 4),
    );
    expect(await eventLog.listAfter("admin", ids[4]!, 100)).toEqual([]);
  });

  it("excludes events older than 24 hours", async () => {
    const { eventLog } = t.repos;
    const old = await eventLog.append("expiry", { type: "a", payload: null });
    t.clock.advance(12 * 3600 * 1000);
    const recent = await eventLog.append("expiry", { type: "b", payload: null });
    t.clock.advance(12 * 3600 * 1000 + 1000);
    expect((await eventLog.listAfter("expiry", null, 10)).map((e) => e.eventId)).toEqual([
      recent.eventId,
    ]);
    expect((await eventLog.listAfter("expiry", old.eventId, 10)).map((e) => e.eventId)).toEqual([
      recent.eventId,
    ]);
  });
});
