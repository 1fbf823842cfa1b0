// Webhook acknowledgement latency on the real API server (embedded DynamoDB): signed Instagram and
// Telegram webhooks at a steady 200 events/s for 10 s, one event per request, with the LLM behind the
// API answering after 2 s — acknowledgement must not depend on it (target p99 ≤ 20 ms).
// The load generator and the slow fake OpenAI run in a worker thread (see webhook-ack-driver.ts).
// Run: npx tsx apps/api/bench/webhook-ack.bench.ts
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { createApiServer } from "../src/server/http-server";
import { bindDirect } from "../test/helpers/webhook-kit";
import { createTestDeps } from "../test/helpers/test-api";
import {
  benchLlm,
  nextMessage,
  percentiles,
  runBench,
  startTsxWorker,
  writeBenchResult,
} from "./_bench-kit";
import type { AckMessage, AckPlan, AckSample } from "./webhook-ack-driver";

const APP_SECRET = "bench-instagram-app-secret";
const TELEGRAM_SECRET = "bench-telegram-secret-token-0123456789";
const IG_ACCOUNT = "17841400000000042";
const BOT_ID = "7000000042";
const TARGET_P99_MS = 20;

async function main() {
  const worker = startTsxWorker(new URL("./webhook-ack-driver.ts", import.meta.url));
  const ready = await nextMessage<AckMessage>(worker);
  if (ready.type !== "ready") throw new Error("driver did not start");
  // Whatever processes the inbox in this process talks to an LLM that takes 2 s per call.
  const llm = benchLlm(ready.fakeUrl);
  const deps = await createTestDeps(
    { INSTAGRAM_APP_SECRET: APP_SECRET, RATE_LIMIT_PER_MINUTE: "1000000" },
    llm,
  );
  await bindDirect(deps, {
    channelType: "instagram",
    accountId: IG_ACCOUNT,
    agentId: "bench_agent",
    accessToken: "bench-ig-token",
  });
  const bot = await bindDirect(deps, {
    channelType: "telegram",
    accountId: BOT_ID,
    agentId: "bench_agent",
    accessToken: `${BOT_ID}:bench`,
    webhookSecret: TELEGRAM_SECRET,
  });
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");

  const plan: AckPlan = {
    apiUrl: `http://127.0.0.1:${port}`,
    eventsPerSecond: 200,
    warmupSeconds: 1,
    seconds: 10,
    users: 40,
    instagram: { account: IG_ACCOUNT, appSecret: APP_SECRET },
    telegram: { bindingId: bot.bindingId, secret: TELEGRAM_SECRET },
  };
  const finished = nextMessage<AckMessage>(worker);
  worker.postMessage(plan);
  const done = await finished;
  if (done.type !== "done") throw new Error(done.type === "failed" ? done.error : "driver failed");
  await worker.terminate();

  const inbox = await deps.repos.inboundEvents.countQueued();
  await api.close({ timeoutMs: 1_000 });
  await closeConversationRuntime(deps);
  await deps.db.close();

  const ms = (samples: AckSample[]) => percentiles(samples.map((s) => s.ms));
  const non200 = done.samples.filter((s) => s.status !== 200).length;
  const results = {
    name: "webhook-ack",
    at: new Date().toISOString(),
    node: process.version,
    eventsPerSecond: plan.eventsPerSecond,
    seconds: plan.seconds,
    llmLatencyMs: 2_000,
    database: "embedded dynalite (in memory)",
    ackMs: ms(done.samples),
    instagramAckMs: ms(done.samples.filter((s) => s.platform === "instagram")),
    telegramAckMs: ms(done.samples.filter((s) => s.platform === "telegram")),
    clientLagMs: percentiles(done.samples.map((s) => s.lagMs)),
    non200,
    eventsSent: done.sent,
    eventsInInbox: inbox,
    targets: { ackP99Ms: TARGET_P99_MS },
  };
  const met = results.ackMs.p99 <= TARGET_P99_MS && non200 === 0 && inbox === done.sent;

  console.log(
    `\nwebhook acknowledgement: ${plan.eventsPerSecond} events/s for ${plan.seconds} s, LLM latency 2 s, embedded DynamoDB\n`,
  );
  console.table({
    "all webhooks (ms)": results.ackMs,
    "instagram, signed (ms)": results.instagramAckMs,
    "telegram, secret token (ms)": results.telegramAckMs,
    "client send lag (ms)": results.clientLagMs,
  });
  console.log(
    `non-200: ${non200}; stored ${inbox} of ${done.sent} events; target p99 ≤ ${TARGET_P99_MS} ms → ${met ? "met" : "NOT met"}`,
  );

  writeBenchResult("webhook-ack", { ...results, targetsMet: met });
}

runBench(main);
