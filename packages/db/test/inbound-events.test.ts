import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordInboundEventInput } from "../src/schemas/inbound-event";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const event = (
  scope: string,
  externalId: string,
  orderKey: string,
  orderSort: number,
): RecordInboundEventInput => ({
  platform: "instagram",
  scope,
  externalId,
  orderKey,
  orderSort,
  payload: { mid: externalId, text: `hello ${externalId}`, nested: { n: 1.5, empty: "" } },
});

/** Claims and completes everything due until nothing is left; returns the external ids in claim order. */
async function drain() {
  const order: string[] = [];
  for (;;) {
    const batch = await t.repos.inboundEvents.claimDue({
      workerId: "drain",
      leaseMs: 30_000,
      limit: 50,
    });
    if (batch.length === 0) return order;
    for (const e of batch) {
      order.push(e.externalId);
      await t.repos.inboundEvents.complete(e.eventKey, "drain");
    }
  }
}

describe("inbound events inbox", () => {
  it("stores each event once however often it is re-delivered", async () => {
    const inbox = t.repos.inboundEvents;
    const inputs = Array.from({ length: 100 }, (_, i) => event("dedupe", `m${i}`, `conv${i}`, i));
    const results = await Promise.all(
      [...inputs, ...inputs, ...inputs].map((e) => inbox.record(e)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(100);
    expect(new Set(results.map((r) => r.eventKey)).size).toBe(100);
    const stored = await inbox.get("instagram#dedupe#m7");
    expect(stored).toMatchObject({
      status: "pending",
      attempts: 0,
      orderKey: "conv7",
      payload: { mid: "m7", text: "hello m7", nested: { n: 1.5, empty: "" } },
    });
    const received = Date.parse(stored!.receivedAt) / 1000;
    expect(stored!.expiresAt - received).toBe(8 * 24 * 3600);
    const claimed = await drain();
    expect(claimed).toHaveLength(100);
    expect(await inbox.countQueued()).toBe(0);
    expect((await inbox.record(event("dedupe", "m7", "conv7", 7))).created).toBe(false);
  });

  it("never hands one event to two concurrent workers", async () => {
    const inbox = t.repos.inboundEvents;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => inbox.record(event("race", `r${i}`, `c${i}`, i))),
    );
    const [a, b] = await Promise.all([
      inbox.claimDue({ workerId: "A", leaseMs: 30_000, limit: 30 }),
      inbox.claimDue({ workerId: "B", leaseMs: 30_000, limit: 30 }),
    ]);
    const keys = [...a, ...b].map((e) => e.eventKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(40);
    expect(a.every((e) => e.leaseOwner === "A" && e.status === "processing")).toBe(true);
    await Promise.all(a.map((e) => inbox.complete(e.eventKey, "A")));
    await Promise.all(b.map((e) => inbox.complete(e.eventKey, "B")));
    expect(await inbox.countQueued()).toBe(0);

    await inbox.record(event("race", "solo", "solo", 1));
    const racers = await Promise.all(
      ["W1", "W2", "W3", "W4", "W5"].map((workerId) =>
        inbox.claimDue({ workerId, leaseMs: 30_000, limit: 5 }),
      ),
    );
    const winners = racers.flat();
    expect(winners).toHaveLength(1);
    await inbox.complete(winners[0]!.eventKey, winners[0]!.leaseOwner!);
  });

  it("gives an event back after its lease expires (worker crashed mid-way)", async () => {
    const inbox = t.repos.inboundEvents;
    await inbox.record(event("lease", "l1", "lc", 1));
    const [first] = await inbox.claimDue({ workerId: "crashy", leaseMs: 10_000, limit: 5 });
    expect(first?.externalId).toBe("l1");
    expect(await inbox.claimDue({ workerId: "other", leaseMs: 10_000, limit: 5 })).toEqual([]);
    t.clock.advance(10_001);
    const [again] = await inbox.claimDue({ workerId: "other", leaseMs: 10_000, limit: 5 });
    expect(again).toMatchObject({ externalId: "l1", leaseOwner: "other", attempts: 2 });
    expect(await inbox.complete(first!.eventKey, "crashy")).toBe(false);
    expect(await inbox.complete(first!.eventKey, "other")).toBe(true);
    expect(await inbox.get(first!.eventKey)).toMatchObject({ status: "done" });
  });

  it("releases an event interrupted by unavailable storage without spending its attempt", async () => {
    const inbox = t.repos.inboundEvents;
    const { eventKey } = await inbox.record(event("release", "r1", "rc", 1));
    for (let round = 0; round < 3; round++) {
      const retryAt = t.clock.now().getTime() + 2000;
      const [claimed] = await inbox.claimDue({ workerId: "w", leaseMs: 60_000, limit: 1 });
      expect(claimed).toMatchObject({ eventKey, attempts: 1 });
      expect(await inbox.release(eventKey, "other", { at: retryAt, refundAttempt: true })).toBe(
        false,
      );
      expect(await inbox.release(eventKey, "w", { at: retryAt, refundAttempt: true })).toBe(true);
      expect(await inbox.get(eventKey)).toMatchObject({ status: "pending", attempts: 0 });
      // Due again at retryAt, not before (and not only when the 60 s lease would have run out).
      expect(await inbox.claimDue({ workerId: "w", leaseMs: 60_000, limit: 1 })).toEqual([]);
      t.clock.advance(retryAt - t.clock.now().getTime());
    }
    const [last] = await inbox.claimDue({ workerId: "w", leaseMs: 60_000, limit: 1 });
    expect(await inbox.complete(last!.eventKey, "w")).toBe(true);
  });

  it("retries with exponential back-off, dead-letters after max attempts, and replays", async () => {
    const inbox = t.repos.inboundEvents;
    const { eventKey } = await inbox.record({
      ...event("fail", "f1", "fc", 1),
      platform: "telegram",
    });
    const policy = { maxAttempts: 3, backoff: { baseMs: 1000, maxMs: 60_000 } };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const [claimed] = await inbox.claimDue({ workerId: "w", leaseMs: 5000, limit: 1 });
      expect(claimed?.attempts).toBe(attempt);
      const outcome = await inbox.fail(eventKey, "w", { ...policy, error: `boom ${attempt}` });
      if (outcome.outcome !== "retrying")
        throw new Error(`expected a retry, got ${outcome.outcome}`);
      delays.push(outcome.retryAt - t.clock.now().getTime());
      expect(await inbox.claimDue({ workerId: "w", leaseMs: 5000, limit: 1 })).toEqual([]);
      t.clock.advance(outcome.retryAt - t.clock.now().getTime());
    }
    expect(delays).toEqual([1000, 2000]);
    const [last] = await inbox.claimDue({ workerId: "w", leaseMs: 5000, limit: 1 });
    expect(last?.attempts).toBe(3);
    expect(await inbox.fail(eventKey, "w", { ...policy, error: "boom 3" })).toEqual({
      outcome: "dead",
    });
    expect(await inbox.fail(eventKey, "w", { ...policy, error: "again" })).toEqual({
      outcome: "lease-lost",
    });
    t.clock.advance(3_600_000);
    expect(await inbox.claimDue({ workerId: "w", leaseMs: 5000, limit: 10 })).toEqual([]);

    const dead = await inbox.listDead({ limit: 10 });
    expect(dead.items.map((e) => e.eventKey)).toContain(eventKey);
    expect(dead.items.find((e) => e.eventKey === eventKey)).toMatchObject({
      status: "dead",
      lastError: "boom 3",
    });
    expect(await inbox.countDead({ scope: "fail" })).toBe(1);
    expect(await inbox.countDead({ scope: "elsewhere" })).toBe(0);

    expect(await inbox.replay(eventKey)).toBe(true);
    expect(await inbox.replay(eventKey)).toBe(false);
    expect(await inbox.countDead()).toBe(0);
    const [replayed] = await inbox.claimDue({ workerId: "w", leaseMs: 5000, limit: 1 });
    expect(replayed).toMatchObject({ eventKey, attempts: 1 });
    expect(await inbox.complete(eventKey, "w")).toBe(true);
  });

  it("dead-letters an event whose workers keep dying when claimDue is given maxAttempts", async () => {
    const inbox = t.repos.inboundEvents;
    const { eventKey } = await inbox.record(event("poison", "p1", "pc", 1));
    for (let i = 0; i < 2; i++) {
      expect(
        await inbox.claimDue({ workerId: "w", leaseMs: 1000, limit: 1, maxAttempts: 2 }),
      ).toHaveLength(1);
      t.clock.advance(1001);
    }
    expect(
      await inbox.claimDue({ workerId: "w", leaseMs: 1000, limit: 1, maxAttempts: 2 }),
    ).toEqual([]);
    expect(await inbox.get(eventKey)).toMatchObject({ status: "dead" });
  });

  it("hands out one conversation's events one at a time, in platform order", async () => {
    const inbox = t.repos.inboundEvents;
    // Recorded out of order; conversation A has three events, B one.
    await inbox.record(event("order", "a3", "A", 300));
    await inbox.record(event("order", "a1", "A", 100));
    await inbox.record(event("order", "b1", "B", 150));
    await inbox.record(event("order", "a2", "A", 200));
    const first = await inbox.claimDue({ workerId: "w1", leaseMs: 30_000, limit: 10 });
    expect(first.map((e) => e.externalId).sort()).toEqual(["a1", "b1"]);
    expect(await inbox.claimDue({ workerId: "w2", leaseMs: 30_000, limit: 10 })).toEqual([]);

    // a1 fails and backs off: a2 must still wait behind it.
    const a1 = first.find((e) => e.externalId === "a1")!;
    await inbox.fail(a1.eventKey, "w1", { error: "x", maxAttempts: 5, backoff: { baseMs: 5000 } });
    expect(await inbox.claimDue({ workerId: "w2", leaseMs: 30_000, limit: 10 })).toEqual([]);
    t.clock.advance(5000);
    const retried = await inbox.claimDue({ workerId: "w2", leaseMs: 30_000, limit: 10 });
    expect(retried.map((e) => e.externalId)).toEqual(["a1"]);
    await inbox.complete(a1.eventKey, "w2");

    // A late event that sorts earlier than one being processed waits for it (one at a time).
    const [a2] = await inbox.claimDue({ workerId: "w3", leaseMs: 30_000, limit: 10 });
    expect(a2?.externalId).toBe("a2");
    await inbox.record(event("order", "a0", "A", 50));
    expect(await inbox.claimDue({ workerId: "w4", leaseMs: 30_000, limit: 10 })).toEqual([]);
    await inbox.complete(a2!.eventKey, "w3");
    expect(await drain()).toEqual(["a0", "a3"]);
  });

  it("keeps per-scope last-event stats without scanning", async () => {
    const inbox = t.repos.inboundEvents;
    expect(await inbox.lastEventAt("stats-page")).toBeNull();
    await inbox.record(event("stats-page", "s1", "sc", 1));
    const firstAt = t.clock.now().toISOString();
    expect(await inbox.lastEventAt("stats-page")).toBe(firstAt);
    t.clock.advance(5000);
    await inbox.record(event("stats-page", "s2", "sc", 2));
    await inbox.record({ ...event("stats-page", "s0", "sc", 0), receivedAt: new Date(0) });
    expect(await inbox.lastEventAt("stats-page")).toBe(t.clock.now().toISOString());
  });

  it("treats an event past its retention as absent, so a very late re-delivery is new", async () => {
    const inbox = t.repos.inboundEvents;
    const { eventKey } = await inbox.record(event("retention", "old", "rc", 1));
    const claimed = await inbox.claimDue({ workerId: "w", leaseMs: 1000, limit: 50 });
    for (const e of claimed) await inbox.complete(e.eventKey, "w");
    t.clock.advance(8 * 24 * 3600 * 1000 + 1000);
    expect(await inbox.get(eventKey)).toBeNull();
    expect((await inbox.record(event("retention", "old", "rc", 1))).created).toBe(true);
    const raw = await t.db.doc.send(
      new GetCommand({ TableName: t.db.tables.inboundEvents, Key: { event_key: eventKey } }),
    );
    expect(raw.Item?.status).toBe("pending");
  });

  it("serves every request path with Get/Put/Update/Query, never a Scan", async () => {
    const inbox = t.repos.inboundEvents;
    t.commands.reset();
    const { eventKey } = await inbox.record(event("noscan", "n1", "nc", 1));
    await inbox.record(event("noscan", "n1", "nc", 1));
    const [claimed] = await inbox.claimDue({ workerId: "w", leaseMs: 1000, limit: 5 });
    await inbox.fail(claimed!.eventKey, "w", {
      error: "e",
      maxAttempts: 1,
      backoff: { baseMs: 1 },
    });
    await inbox.listDead();
    await inbox.countDead({ scope: "noscan" });
    await inbox.replay(eventKey);
    await inbox.get(eventKey);
    await inbox.lastEventAt("noscan");
    await inbox.countQueued();
    expect(t.commands.names).not.toContain("ScanCommand");
  });
});
