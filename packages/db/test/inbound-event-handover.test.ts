import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordInboundEventInput } from "../src/schemas/inbound-event";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const LEASE_MS = 20_000;
const turn = (id: string, owner?: string): RecordInboundEventInput => ({
  platform: "web_chat",
  scope: "turns",
  externalId: id,
  orderKey: `turn#${id}`,
  orderSort: id,
  payload: { job: "web-turn", conversationId: id, agentId: "a" },
  ...(owner ? { lease: { owner, leaseMs: LEASE_MS } } : {}),
});
const claim = (workerId = "worker") =>
  t.repos.inboundEvents.claimDue({ workerId, leaseMs: 60_000, limit: 10, maxAttempts: 5 });

describe("inbox items a process holds while it works on them", () => {
  it("is stored already claimed: no worker takes it until its lease runs out", async () => {
    const inbox = t.repos.inboundEvents;
    const { eventKey } = await inbox.record(turn("held-1", "process-A"));
    expect(await inbox.get(eventKey)).toMatchObject({
      status: "processing",
      attempts: 1,
      leaseOwner: "process-A",
    });
    expect(await claim()).toEqual([]);
    // Renewed before it runs out: still nobody else's.
    t.clock.advance(LEASE_MS - 1_000);
    expect(await inbox.renew(eventKey, "process-A", LEASE_MS)).toBe(true);
    t.clock.advance(LEASE_MS - 1_000);
    expect(await claim()).toEqual([]);
    // The process died: the lease runs out and a worker takes it over (a second attempt).
    t.clock.advance(2_000);
    const [taken] = await claim();
    expect(taken).toMatchObject({ eventKey, attempts: 2, leaseOwner: "worker" });
    expect(await inbox.renew(eventKey, "process-A", LEASE_MS)).toBe(false);
    expect(await inbox.complete(eventKey, "process-A")).toBe(false);
    expect(await inbox.complete(eventKey, "worker")).toBe(true);
  });

  it("is given back due at once when its process stops before finishing", async () => {
    const inbox = t.repos.inboundEvents;
    const { eventKey } = await inbox.record(turn("held-2", "process-B"));
    expect(await inbox.release(eventKey, "someone-else")).toBe(false);
    expect(await inbox.release(eventKey, "process-B")).toBe(true);
    expect(await inbox.get(eventKey)).toMatchObject({ status: "pending", leaseOwner: undefined });
    const [taken] = await claim();
    expect(taken?.eventKey).toBe(eventKey);
    await inbox.complete(eventKey, "worker");
  });

  it("is taken over at once by the database's only process after a restart", async () => {
    const inbox = t.repos.inboundEvents;
    const held = await inbox.record(turn("held-3", "dead-process"));
    await inbox.record(turn("queued-3"));
    const [claimed] = await claim("dead-worker");
    expect(claimed?.externalId).toBe("queued-3");
    expect(await claim()).toEqual([]);

    expect(await inbox.expireAllLeases()).toBe(2);
    const taken = await claim();
    expect(taken.map((e) => e.externalId).sort()).toEqual(["held-3", "queued-3"]);
    expect(await inbox.complete(held.eventKey, "dead-process")).toBe(false);
    for (const e of taken) await inbox.complete(e.eventKey, "worker");
    expect(await inbox.expireAllLeases()).toBe(0);
    expect(await inbox.countQueued()).toBe(0);
  });

  it("keeps no per-account stats for work a process records for itself", async () => {
    await t.repos.inboundEvents.record({ ...turn("held-4", "process-C"), scope: "own-work" });
    expect(await t.repos.inboundEvents.lastEventAt("own-work")).toBeNull();
  });
});
