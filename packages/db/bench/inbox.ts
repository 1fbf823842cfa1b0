// Webhook inbox on the embedded engine: how long `record` (the acknowledgement point) takes at the
// design's 200 events/s (open loop: arrivals do not wait for earlier ones), for new events and for
// re-deliveries, and how fast two workers drain the queue. `npx tsx packages/db/bench/inbox.ts`
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TABLE_NAMES } from "@agents-crm/config";
import { openDatabase } from "../src/client/open-database";
import { provisionTables } from "../src/provision";
import { createRepositories } from "../src/repositories";

const EVENTS = 1000;
const CONVERSATIONS = 200;
const RATE_PER_SECOND = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts run(i) at a fixed arrival rate whatever the latency, like webhook deliveries do. */
async function openLoop(count: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const begun = performance.now();
    pending.push(run(i).then(() => void latencies.push(performance.now() - begun)));
  }
  await Promise.all(pending);
  return latencies.sort((a, b) => a - b);
}

const db = await openDatabase({ mode: "embedded", tables: DEFAULT_TABLE_NAMES });
await provisionTables(db);
const inbox = createRepositories(db).inboundEvents;
const input = (i: number) => ({
  platform: "instagram" as const,
  scope: "page-1",
  externalId: `mid.${i}`,
  orderKey: `binding-1#user-${i % CONVERSATIONS}`,
  orderSort: 1_770_000_000_000 + i,
  payload: {
    sender: { id: `user-${i % CONVERSATIONS}` },
    message: { mid: `mid.${i}`, text: "hi" },
  },
});

// Warm-up (JIT, sockets, first table pages) on another scope, not measured.
await openLoop(200, (i) => inbox.record({ ...input(i), scope: "warm-up" }));
const fresh = await openLoop(EVENTS, (i) => inbox.record(input(i)));
const duplicate = await openLoop(EVENTS, (i) => inbox.record(input(i)));

const drainStart = performance.now();
let drained = 0;
await Promise.all(
  ["worker-a", "worker-b"].map(async (workerId) => {
    for (;;) {
      const batch = await inbox.claimDue({ workerId, leaseMs: 30_000, limit: 25 });
      if (batch.length === 0 && (await inbox.countQueued()) === 0) return;
      for (const event of batch) await inbox.complete(event.eventKey, workerId);
      drained += batch.length;
    }
  }),
);
const drainSeconds = (performance.now() - drainStart) / 1000;
await db.close();

const row = (name: string, l: number[]) => ({
  name,
  count: l.length,
  p50_ms: +percentile(l, 50).toFixed(2),
  p95_ms: +percentile(l, 95).toFixed(2),
  p99_ms: +percentile(l, 99).toFixed(2),
  max_ms: +(l.at(-1) ?? 0).toFixed(2),
});
const results = {
  engine: "embedded (dynalite, in memory)",
  rate_per_second: RATE_PER_SECOND,
  record: [row("record (new event)", fresh), row("record (re-delivery)", duplicate)],
  drain: {
    events: drained,
    workers: 2,
    seconds: +drainSeconds.toFixed(2),
    per_second: Math.round(drained / drainSeconds),
  },
};
console.table(results.record);
console.table([results.drain]);
const dir = join(import.meta.dirname, "../../../bench/results");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "db-inbox.json"), `${JSON.stringify(results, null, 2)}\n`);
