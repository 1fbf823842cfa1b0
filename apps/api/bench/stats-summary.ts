// Cost of stats.summary computed from stored rows: one range query for the conversations active in the
// period, then one range query per active conversation for its messages. Embedded DynamoDB in memory.
// `npx tsx apps/api/bench/stats-summary.ts`
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseServerEnv } from "@agents-crm/config/env";
import { createRepositories } from "@agents-crm/db";
import { manualClock, recordCommands, startTestDb } from "@agents-crm/db/testing";
import { statsSummary } from "../src/domain/stats/stats-summary";

const SIZES = [100, 500, 2000];
const MESSAGES_PER_CONVERSATION = 4;
const RUNS = 5;
const NOW = new Date("2026-03-10T20:00:00.000Z");

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(conversations: number) {
  const test = await startTestDb({ messageTtlHours: 0 });
  const clock = manualClock(Date.parse("2026-03-10T00:00:00.000Z"));
  const repos = createRepositories(test.db, { now: clock.now, messageTtlHours: 0 });
  const stepMs = Math.floor((NOW.getTime() - clock.now().getTime()) / (conversations * 2));
  for (let i = 0; i < conversations; i++) {
    clock.advance(stepMs);
    const { conversationId } = await repos.conversations.create({
      agentId: `agent_${i % 5}`,
      channel: "web_chat",
    });
    for (let m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
      const role = m % 2 === 0 ? "user" : "agent";
      await repos.messages.append({
        conversationId,
        agentId: `agent_${i % 5}`,
        role,
        content: "message",
        channel: "web_chat",
        metadata:
          role === "agent"
            ? { usage: { costUsd: 0.0004, latencyMs: 900, llmLatencyMs: 800, totalTokens: 350 } }
            : undefined,
      });
    }
    await repos.conversations.touchActivity(conversationId, { at: clock.now() });
  }
  const env = parseServerEnv({ ENVIRONMENT: "test", MESSAGE_TTL_HOURS: "0" });
  const deps = { db: test.db, repos: test.repos, env };
  const commands = recordCommands(test.db);
  const times: number[] = [];
  let queries = 0;
  for (let run = 0; run < RUNS; run++) {
    commands.reset();
    const started = performance.now();
    const summary = await statsSummary(
      deps,
      { period: "today", compare: true, timezone: "UTC" },
      NOW,
    );
    times.push(performance.now() - started);
    queries = commands.names.length;
    if (summary.conversations.total !== conversations) throw new Error("wrong count");
  }
  await test.close();
  return {
    conversations,
    messages: conversations * MESSAGES_PER_CONVERSATION,
    queries,
    medianMs: Math.round(median(times)),
  };
}

const rows = [];
for (const size of SIZES) rows.push(await measure(size));
console.table(rows);
const dir = join(process.cwd(), "bench", "results");
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, "stats-summary.json"),
  JSON.stringify({ at: new Date().toISOString(), rows }, null, 2) + "\n",
);
