import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startTestDb } from "../src/testing";

/** Latency of the data-layer calls on a turn's critical path, on the embedded engine (in memory). */
const ITERATIONS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(name: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.at(-1) ?? NaN,
  };
}

const t = await startTestDb();
const { conversations, messages } = t.repos;
const hot = await conversations.findOrCreate({
  agentId: "a",
  channel: "telegram",
  externalUserId: "u",
});
const id = hot.conversation.conversationId;
const base = { conversationId: id, agentId: "a", channel: "telegram" as const };
for (let i = 0; i < 300; i++)
  await messages.append({ ...base, role: "user", content: `m${i} `.repeat(40) });
for (let i = 0; i < 200; i++) {
  const c = await conversations.create({ agentId: `agent-${i % 4}`, channel: "web_chat" });
  if (i % 5 === 0) await conversations.update(c.conversationId, { status: "NEEDS_HUMAN" });
}

const results = [
  await measure("findOrCreate (existing)", () =>
    conversations.findOrCreate({ agentId: "a", channel: "telegram", externalUserId: "u" }),
  ),
  await measure("findOrCreate (new)", (i) =>
    conversations.findOrCreate({ agentId: "a", channel: "telegram", externalUserId: `new-${i}` }),
  ),
  await measure("messages.append", (i) =>
    messages.append({ ...base, role: "agent", content: `reply ${i}` }),
  ),
  await measure("touchActivity", () => conversations.touchActivity(id, { preview: "hi" })),
  await measure("touchActivity (customer message)", () =>
    conversations.touchActivity(id, { preview: "hi", fromCustomer: true }),
  ),
  await measure("messages.lastN(50) of 900+", () => messages.lastN(id, 50)),
  await measure("conversations.update (versioned)", async () => {
    await conversations.mutate(id, (c) => ({ stage: c.stage === "NEW" ? "BOOKED" : "NEW" }));
  }),
  await measure("list NEEDS_HUMAN limit 20", () =>
    conversations.list({ status: "NEEDS_HUMAN", limit: 20 }),
  ),
  await measure("listNeedsHumanFirst limit 50", () =>
    conversations.listNeedsHumanFirst({ limit: 50 }),
  ),
  // What conversations.unreadCounts reads: the view's 100 most recent, then the reader's markers.
  await measure("unread count (100 conversations + read markers)", async () => {
    const recent = await conversations.listActiveSince({}, new Date(Date.now() - 86_400_000), 100);
    await t.repos.readMarkers.readTimes(
      "reader",
      recent.items.map((c) => c.conversationId),
    );
  }),
  await measure("readMarkers.markRead", (i) =>
    t.repos.readMarkers.markRead("reader", `conv-${i % 50}`),
  ),
];
await t.close();

console.table(
  results.map((r) => ({
    operation: r.name,
    "p50 ms": r.p50.toFixed(2),
    "p99 ms": r.p99.toFixed(2),
    "max ms": r.max.toFixed(2),
  })),
);
const dir = join(import.meta.dirname, "../../../bench/results");
await mkdir(dir, { recursive: true });
await writeFile(
  join(dir, "db-repositories.json"),
  `${JSON.stringify({ engine: "embedded (memory)", iterations: ITERATIONS, at: new Date().toISOString(), results }, null, 2)}\n`,
);
