// Scale-out: customers' web-chat messages answered per second, and p99 turn latency, at 1, 2 and 3 API
// replicas on this machine — real API processes (src/main.ts) on one standalone dynalite endpoint and one
// Redis, behind a round-robin proxy without stickiness (test/helpers/cluster.ts) — with a fake OpenAI of
// fixed latency. DynamoDB commands are counted by the replicas' own /metrics (exact, whatever the load on
// the machine); latencies and throughput are wall times on a 2-core machine that other work shares.
// Run: npm run bench -- cluster   (options: --cluster-customers=16 --cluster-messages=6 --cluster-latency=200)
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOpenAI } from "@agents-crm/ai/testing";
import { callTrpc } from "../test/helpers/api-process";
import { agentDocument, modelAnswer } from "../test/helpers/chat-kit";
import {
  endpointEnv,
  runProvision,
  startDynaliteServer,
  startReplicaProcesses,
  startRoundRobinProxy,
} from "../test/helpers/cluster";
import { startRedisServer } from "../test/helpers/redis-server";
import { percentiles, runBench, writeBenchResult } from "./_bench-kit";

const option = (name: string, fallback: number) => {
  const arg = process.argv.find((a) => a.startsWith(`--cluster-${name}=`));
  return arg ? Number(arg.split("=")[1]) : fallback;
};
const CUSTOMERS = option("customers", 16);
const MESSAGES = option("messages", 6);
const LLM_MS = option("latency", 200);
const REPLICAS = [1, 2, 3];
const TOKEN = randomBytes(24).toString("hex");
const AGENT = "bench_cluster";

const READS = new Set(["GetItem", "Query", "BatchGetItem", "Scan", "TransactGetItems"]);
const WRITES = new Set([
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchWriteItem",
  "TransactWriteItems",
]);

interface Scrape {
  byOperation: Map<string, number>;
  batchItems: Map<string, number>;
  rssBytes: number;
}

/** One replica's /metrics, the figures this bench reads. */
async function scrape(url: string): Promise<Scrape> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const text = await res.text();
  const byOperation = new Map<string, number>();
  const batchItems = new Map<string, number>();
  let rssBytes = 0;
  for (const line of text.split("\n")) {
    const value = Number(line.split(" ").at(-1));
    const op = /operation="([^"]+)"/.exec(line)?.[1] ?? "";
    if (line.startsWith("agents_crm_dynamodb_calls_total{"))
      byOperation.set(op, (byOperation.get(op) ?? 0) + value);
    else if (line.startsWith("agents_crm_dynamodb_batch_items_total{")) batchItems.set(op, value);
    else if (line.startsWith("agents_crm_process_resident_memory_bytes ")) rssBytes = value;
  }
  return { byOperation, batchItems, rssBytes };
}

const scrapeAll = (urls: string[]) => Promise.all(urls.map(scrape));

/** Commands (reads, writes, batch items) between two scrapes of every replica. */
function delta(before: Scrape[], after: Scrape[]) {
  let reads = 0;
  let writes = 0;
  let batchItems = 0;
  const byOperation: Record<string, number> = {};
  after.forEach((a, i) => {
    const b = before[i];
    for (const [op, n] of a.byOperation) {
      const d = n - (b?.byOperation.get(op) ?? 0);
      byOperation[op] = (byOperation[op] ?? 0) + d;
      if (READS.has(op)) reads += d;
      if (WRITES.has(op)) writes += d;
    }
    for (const [op, n] of a.batchItems) batchItems += n - (b?.batchItems.get(op) ?? 0);
  });
  return { reads, writes, batchItems, byOperation };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface LateSend {
  chat: { conversationId: string; token: string };
  messageId: string;
  started: number;
}

/**
 * Sends answered `reply: null` (answered by another replica's turn, or folded): each must still get its
 * answer, which the web chat shows from its live stream. Read from the history until an agent message
 * follows each; its latency is until it was seen (polled every 100 ms, so a little over the real one).
 */
async function waitForLateAnswers(url: string, late: LateSend[]) {
  const latencies: number[] = [];
  let waiting = [...late];
  const deadline = performance.now() + 30_000;
  while (waiting.length > 0 && performance.now() < deadline) {
    const still: LateSend[] = [];
    for (const send of waiting) {
      const r = await callTrpc(url, "chat.history", { ...send.chat, limit: 50 }, { kind: "query" });
      const items = (r.data as { items?: { role: string; messageId: string }[] } | undefined)
        ?.items;
      const answered = items?.some((m) => m.role === "agent" && m.messageId > send.messageId);
      if (answered) latencies.push(performance.now() - send.started);
      else still.push(send);
    }
    waiting = still;
    if (waiting.length > 0) await sleep(100);
  }
  return { latencies, lost: waiting.length };
}

runBench(async () => {
  const fake = await startFakeOpenAI({
    latencyMs: { chat: LLM_MS },
    responder: () => modelAnswer("We are open from nine to six, Monday to Saturday."),
  });
  const dynamo = await startDynaliteServer();
  const redis = await startRedisServer();
  const base = {
    ...endpointEnv(dynamo.endpoint),
    REDIS_URL: redis.url,
    ADMIN_TOKEN: TOKEN,
    SEED_DEMO: "false",
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_STAFF_PER_MINUTE: "1000000",
    OPENAI_API_KEY: "sk-bench",
    OPENAI_BASE_URL: fake.url,
    // Retried as in production (the default): with none, one connection the fake server closed under
    // load is a failed model call, and its conversation is handed to a human (its later sends: no reply).
    SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  const provisioned = await runProvision(base);
  if (provisioned.code !== 0) throw new Error(`db:provision failed:\n${provisioned.output}`);
  const rows: Record<string, unknown>[] = [];
  let stopAll = () => Promise.resolve();
  const errors = new Map<string, number>();
  try {
    // All three replicas start once (a start takes tens of seconds on a loaded machine); a run with n
    // replicas sends traffic to the first n only. The others' idle polling is in the idle baseline.
    const dataDir = mkdtempSync(join(tmpdir(), "agents-crm-bench-cluster-"));
    const all = await startReplicaProcesses(Math.max(...REPLICAS), (i) => ({
      ...base,
      DATA_DIR: join(dataDir, String(i)),
      REPLICA_ID: `bench-${i}`,
    }));
    stopAll = () => Promise.all(all.map((r) => r.stop())).then(() => undefined);
    for (const count of REPLICAS) {
      const replicas = all.slice(0, count);
      const proxy = await startRoundRobinProxy(replicas.map((r) => r.host));
      const urls = all.map((r) => r.url);
      try {
        if (count === 1) {
          const created = await callTrpc(
            proxy.url,
            "agents.create",
            { agentId: AGENT, config: agentDocument(AGENT) },
            { token: TOKEN },
          );
          if (created.error) throw new Error(`agents.create: ${created.error.message}`);
        }
        // Warm-up: every replica compiles its paths and caches the agent once.
        for (let i = 0; i < count * 2; i++) {
          const chat = (await callTrpc(proxy.url, "chat.start", { agentId: AGENT })).data as {
            conversationId: string;
            token: string;
          };
          await callTrpc(proxy.url, "chat.send", { ...chat, content: "Hello" });
        }
        await sleep(500);

        // What the replicas do on their own (inbox polling, cluster jobs), to take it out of the counts.
        const idleStart = await scrapeAll(urls);
        const idleT0 = performance.now();
        await sleep(3_000);
        const idle = delta(idleStart, await scrapeAll(urls));
        const idlePerSecond = (idle.reads + idle.writes) / ((performance.now() - idleT0) / 1000);

        const s0 = await scrapeAll(urls);
        const t0 = performance.now();
        const chats = await Promise.all(
          Array.from({ length: CUSTOMERS }, async () => {
            const r = await callTrpc(proxy.url, "chat.start", { agentId: AGENT });
            if (r.error) throw new Error(`chat.start: ${r.error.message}`);
            return r.data as { conversationId: string; token: string };
          }),
        );
        const startSeconds = (performance.now() - t0) / 1000;
        const s1 = await scrapeAll(urls);
        const latencies: number[] = [];
        const late: LateSend[] = [];
        let failed = 0;
        const t1 = performance.now();
        await Promise.all(
          chats.map(async (chat, c) => {
            for (let m = 0; m < MESSAGES; m++) {
              const started = performance.now();
              const r = await callTrpc(proxy.url, "chat.send", {
                ...chat,
                content: `Customer ${c} question ${m}: when are you open?`,
              });
              const data = r.data as { reply?: unknown; userMessage?: { messageId: string } };
              if (!r.error && !data.reply && data.userMessage) {
                // Not answered in the request: the answer must still come (over the live stream).
                late.push({ chat, messageId: data.userMessage.messageId, started });
              } else if (r.error || !data.reply) {
                failed += 1;
                const why = r.error
                  ? `${r.status} ${r.error.code}: ${r.error.message}`
                  : "no reply";
                errors.set(why, (errors.get(why) ?? 0) + 1);
              } else latencies.push(performance.now() - started);
            }
          }),
        );
        const lateAnswers = await waitForLateAnswers(proxy.url, late);
        latencies.push(...lateAnswers.latencies);
        failed += lateAnswers.lost;
        if (lateAnswers.lost > 0) errors.set("never answered", lateAnswers.lost);
        const sendSeconds = (performance.now() - t1) / 1000;
        const s2 = await scrapeAll(urls);

        const starts = delta(s0, s1);
        const sends = delta(s1, s2);
        const idleDuringSends = idlePerSecond * sendSeconds;
        const answered = latencies.length;
        const perMessage = {
          reads: round(
            (sends.reads - (idleDuringSends * idle.reads) / Math.max(1, idle.reads + idle.writes)) /
              answered,
          ),
          writes: round(
            (sends.writes -
              (idleDuringSends * idle.writes) / Math.max(1, idle.reads + idle.writes)) /
              answered,
          ),
          grossCommands: round((sends.reads + sends.writes) / answered),
          batchItems: round(sends.batchItems / answered),
        };
        const perStart = {
          reads: round(starts.reads / CUSTOMERS),
          writes: round(starts.writes / CUSTOMERS),
        };
        const p = percentiles(latencies);
        const row = {
          replicas: count,
          customers: CUSTOMERS,
          messagesAnswered: answered,
          failed,
          answeredOverStream: late.length - lateAnswers.lost,
          messagesPerSecond: round(answered / sendSeconds),
          turnMs: p,
          dynamodbPerMessage: perMessage,
          dynamodbPerChatStart: perStart,
          dynamodbByOperationPerMessage: Object.fromEntries(
            Object.entries(sends.byOperation).map(([op, n]) => [op, round(n / answered)]),
          ),
          idleCommandsPerSecondAllReplicas: round(idlePerSecond),
          rssMbPerReplica: (await scrapeAll(urls)).map((s) => round(s.rssBytes / 2 ** 20, 1)),
          errors: Object.fromEntries(errors),
          chatStartSeconds: round(startSeconds),
        };
        errors.clear();
        rows.push(row);
        console.log(JSON.stringify(row));
      } finally {
        await proxy.close();
      }
    }
  } finally {
    await stopAll();
    await redis.stop();
    await dynamo.stop();
    await fake.close();
  }

  console.log(
    `\nweb-chat turns across replicas — fake LLM ${LLM_MS} ms, ${CUSTOMERS} customers × ${MESSAGES} messages, round-robin proxy, dynalite + Redis`,
  );
  console.log(
    "replicas | msgs/s | p50 ms | p99 ms | failed | answered over the stream | DynamoDB reads/msg | writes/msg | batch items/msg | reads/chat start | writes/chat start | RSS MB per replica",
  );
  for (const r of rows as {
    replicas: number;
    messagesPerSecond: number;
    turnMs: { p50: number; p99: number };
    failed: number;
    answeredOverStream: number;
    dynamodbPerMessage: { reads: number; writes: number; batchItems: number };
    dynamodbPerChatStart: { reads: number; writes: number };
    rssMbPerReplica: number[];
  }[]) {
    console.log(
      `${r.replicas} | ${r.messagesPerSecond} | ${r.turnMs.p50} | ${r.turnMs.p99} | ${r.failed} | ${r.answeredOverStream} | ${r.dynamodbPerMessage.reads} | ${r.dynamodbPerMessage.writes} | ${r.dynamodbPerMessage.batchItems} | ${r.dynamodbPerChatStart.reads} | ${r.dynamodbPerChatStart.writes} | ${r.rssMbPerReplica.join(", ")}`,
    );
  }
  writeBenchResult("cluster", {
    llmLatencyMs: LLM_MS,
    customers: CUSTOMERS,
    messages: MESSAGES,
    rows,
  });
});
