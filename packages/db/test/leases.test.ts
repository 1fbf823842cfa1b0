import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories } from "../src/repositories";
import { manualClock } from "../src/testing";
import { startEdgeTestDb, type EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

/** A second replica: its own repositories on the same tables and clock. */
const otherReplica = () => createRepositories(t.db, { now: t.clock.now }).leases;

describe("cluster leases", () => {
  it("are held by one replica at a time; the holder renews", async () => {
    const a = t.repos.leases;
    const b = otherReplica();
    const lease = { name: "two-holders", ttlMs: 10_000 };
    expect(await a.tryAcquire({ ...lease, holder: "replica-a" })).toBe(true);
    expect(await b.tryAcquire({ ...lease, holder: "replica-b" })).toBe(false);
    t.clock.advance(6_000);
    expect(await a.tryAcquire({ ...lease, holder: "replica-a" })).toBe(true);
    t.clock.advance(6_000);
    // Renewed at +6 s for 10 s: still A's at +12 s.
    expect(await b.tryAcquire({ ...lease, holder: "replica-b" })).toBe(false);
    expect(await a.current("two-holders")).toMatchObject({ holder: "replica-a" });
  });

  it("race: of many replicas asking at once, exactly one gets it", async () => {
    const replicas = Array.from({ length: 8 }, () => otherReplica());
    const won = await Promise.all(
      replicas.map((leases, i) =>
        leases.tryAcquire({ name: "race", holder: `replica-${i}`, ttlMs: 10_000 }),
      ),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it("run out: another replica takes over from a holder that stopped renewing", async () => {
    const b = otherReplica();
    expect(
      await t.repos.leases.tryAcquire({ name: "takeover", holder: "dead", ttlMs: 5_000 }),
    ).toBe(true);
    t.clock.advance(4_999);
    expect(await b.tryAcquire({ name: "takeover", holder: "alive", ttlMs: 5_000 })).toBe(false);
    t.clock.advance(1);
    expect(await t.repos.leases.current("takeover")).toBeNull();
    expect(await b.tryAcquire({ name: "takeover", holder: "alive", ttlMs: 5_000 })).toBe(true);
    // The old holder, back from a pause, finds it taken and does not run.
    expect(
      await t.repos.leases.tryAcquire({ name: "takeover", holder: "dead", ttlMs: 5_000 }),
    ).toBe(false);
  });

  it("release frees the lease at once, and only its holder can release it", async () => {
    const { leases } = t.repos;
    await leases.tryAcquire({ name: "release", holder: "a", ttlMs: 60_000 });
    expect(await leases.release("release", "b")).toBe(false);
    expect(await leases.tryAcquire({ name: "release", holder: "b", ttlMs: 60_000 })).toBe(false);
    expect(await leases.release("release", "a")).toBe(true);
    expect(await leases.tryAcquire({ name: "release", holder: "b", ttlMs: 60_000 })).toBe(true);
  });

  it("leases of different names are independent", async () => {
    const clock = manualClock();
    const leases = createRepositories(t.db, { now: clock.now }).leases;
    expect(await leases.tryAcquire({ name: "job-x", holder: "a", ttlMs: 1_000 })).toBe(true);
    expect(await leases.tryAcquire({ name: "job-y", holder: "b", ttlMs: 1_000 })).toBe(true);
  });

  it("releaseAll frees every lease (the embedded engine's start-up: their holders are dead)", async () => {
    const leases = t.repos.leases;
    for (const name of ["web-turn#c1", "web-turn#c2", "job:sweep"]) {
      expect(await leases.tryAcquire({ name, holder: "dead-replica", ttlMs: 60_000 })).toBe(true);
    }
    expect(await leases.releaseAll()).toBeGreaterThanOrEqual(3);
    expect(await leases.current("web-turn#c1")).toBeNull();
    expect(
      await otherReplica().tryAcquire({ name: "job:sweep", holder: "new", ttlMs: 1_000 }),
    ).toBe(true);
  });
});
