import { setTimeout as sleep } from "node:timers/promises";
import { createRepositories } from "@agents-crm/db";
import { startTestDb, type TestDb } from "@agents-crm/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startClusterJob, type ClusterJob } from "../src/cluster/cluster-job";
import { silentLogger } from "../src/logger";

// startClusterJob on the embedded DynamoDB: replicas are separate repositories (own id factories) on
// the same tables, each with its own replica id — what two API processes share and what they do not.

let t: TestDb;
const jobs: ClusterJob[] = [];
beforeAll(async () => {
  t = await startTestDb();
});
afterEach(async () => {
  await Promise.all(jobs.splice(0).map((job) => job.stop()));
});
afterAll(() => t.close());

const replica = (replicaId: string) => ({
  repos: createRepositories(t.db),
  replicaId,
  log: silentLogger,
});

function start(
  replicaId: string,
  name: string,
  runs: string[],
  options: { intervalMs?: number; leaseMs?: number; runMs?: number } = {},
): ClusterJob {
  const job = startClusterJob(replica(replicaId), {
    name,
    intervalMs: options.intervalMs ?? 25,
    leaseMs: options.leaseMs,
    run: async () => {
      runs.push(`${replicaId}:start`);
      if (options.runMs) await sleep(options.runMs);
      runs.push(`${replicaId}:end`);
    },
  });
  jobs.push(job);
  return job;
}

describe("startClusterJob", () => {
  it("two holders: of three replicas ticking the same job, one runs it", async () => {
    const runs: string[] = [];
    for (const id of ["a", "b", "c"]) start(id, "three-replicas", runs, { leaseMs: 5_000 });
    await sleep(400);
    const runners = new Set(runs.map((r) => r.split(":")[0]));
    expect(runners.size).toBe(1);
    expect(runs.length).toBeGreaterThanOrEqual(8);
  });

  it("expiry: a holder that died (no release) is taken over once its lease runs out", async () => {
    const runs: string[] = [];
    const dead = replica("dead");
    expect(
      await dead.repos.leases.tryAcquire({ name: "takeover", holder: "dead", ttlMs: 300 }),
    ).toBe(true);
    const startedAt = Date.now();
    start("alive", "takeover", runs, { leaseMs: 1_000 });
    await sleep(150);
    expect(runs).toEqual([]);
    while (runs.length === 0 && Date.now() - startedAt < 3_000) await sleep(10);
    expect(runs[0]).toBe("alive:start");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(280);
  });

  it("takeover: a graceful stop hands the job to another replica on its next tick", async () => {
    const runs: string[] = [];
    const a = start("a", "handover", runs, { leaseMs: 60_000 });
    await sleep(100);
    start("b", "handover", runs, { leaseMs: 60_000 });
    await sleep(100);
    expect(runs.every((r) => r.startsWith("a:"))).toBe(true);
    await a.stop();
    const stoppedAt = runs.length;
    await sleep(150);
    expect(runs.slice(stoppedAt).some((r) => r.startsWith("b:"))).toBe(true);
  });

  it("a run longer than its lease renews it, so no other replica runs alongside", async () => {
    const runs: string[] = [];
    start("slow", "long-run", runs, { intervalMs: 50, leaseMs: 150, runMs: 500 });
    await sleep(20);
    start("other", "long-run", runs, { intervalMs: 20, leaseMs: 150 });
    await sleep(450);
    expect(runs.filter((r) => r.startsWith("other:"))).toEqual([]);
  });

  it("tick() tells whether this replica ran the job", async () => {
    const runs: string[] = [];
    const a = startClusterJob(replica("a"), {
      name: "tick",
      intervalMs: 60_000,
      runAtStart: false,
      run: async () => void runs.push("a"),
    });
    const b = startClusterJob(replica("b"), {
      name: "tick",
      intervalMs: 60_000,
      runAtStart: false,
      run: async () => void runs.push("b"),
    });
    jobs.push(a, b);
    expect(await a.tick()).toBe(true);
    expect(await b.tick()).toBe(false);
    expect(runs).toEqual(["a"]);
  });
});
