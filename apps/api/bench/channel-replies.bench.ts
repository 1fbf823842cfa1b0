// Channel replies end to end on the real API server (embedded DynamoDB) with the inbox workers running:
// signed Instagram DMs at a steady rate, a fake model answering after L ms, a fake Graph API taking the
// replies. Reports the webhook acknowledgement while the workers are busy, and the time from posting a
// DM to its reply reaching Instagram, as a multiple of L (one model round trip is the floor).
// Run: npx tsx apps/api/bench/channel-replies.bench.ts
import { startFakeOpenAI } from "@agents-crm/ai/testing";
import { signBody } from "../src/channels/webhooks/meta-signature";
import { startChannelWorkers } from "../src/channels/worker/channel-workers";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { createApiServer } from "../src/server/http-server";
import { startFakeGraph } from "../test/fakes/fake-graph";
import { modelAnswer } from "../test/helpers/chat-kit";
import { bindDirect } from "../test/helpers/webhook-kit";
import { customerWords, igItem, instagramBody } from "../test/helpers/channels-kit";
import { createTestDeps } from "../test/helpers/test-api";
import { benchLlm, runBench, writeBenchResult } from "./_bench-kit";

const APP_SECRET = "bench-instagram-app-secret";
const IG = "17841400000000077";
const RATE_PER_SECOND = 20;
const SECONDS = 10;
const LLM_MS = 1_000;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)) };
}

async function main() {
  const llmServer = await startFakeOpenAI({
    latencyMs: { chat: LLM_MS },
    responder: (request) => modelAnswer(`Re: ${customerWords(request.lastUserMessage)}`),
  });
  const graph = await startFakeGraph();
  graph.addInstagramAccount(IG, "bench-ig-token");
  const llm = benchLlm(llmServer.url);
  const deps = await createTestDeps(
    {
      INSTAGRAM_APP_SECRET: APP_SECRET,
      INSTAGRAM_GRAPH_BASE_URL: graph.url,
      RATE_LIMIT_PER_MINUTE: "1000000",
    },
    llm,
  );
  await bindDirect(deps, {
    channelType: "instagram",
    accountId: IG,
    agentId: "bench_agent",
    accessToken: "bench-ig-token",
  });
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");
  const workers = startChannelWorkers(deps, { recover: false });
  const hook = `http://127.0.0.1:${port}/api/v1/instagram/webhook`;

  const total = RATE_PER_SECOND * SECONDS;
  const postedAt = new Map<string, number>();
  const acks: number[] = [];
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // A fifth of the DMs come from customers who already wrote (their turns queue per conversation).
    const sender = `95000000${String(i % 5 === 4 ? i - 1 : i).padStart(6, "0")}`;
    const text = `dm-${i}`;
    const body = instagramBody(IG, [
      igItem(IG, sender, { message: { mid: `mid.bench.${i}`, text } }),
    ]);
    const t0 = performance.now();
    postedAt.set(text, Date.now());
    sends.push(
      fetch(hook, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signBody(body, APP_SECRET),
        },
        body,
      }).then(async (res) => {
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
        acks.push(performance.now() - t0);
      }),
    );
  }
  await Promise.all(sends);
  const deadline = Date.now() + 60_000;
  while (graph.sent().length < total && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const latency = (text: string, at: number) => at - (postedAt.get(text) ?? at);
  const sent = graph.sent().map((m) => ({ text: m.text.replace(/^Re: /, ""), at: m.at }));
  const replies = sent.map((m) => latency(m.text, m.at));
  // DMs i ≡ 3 (mod 5) are followed 50 ms later by the same customer's next DM, which waits its turn.
  const queued = sent
    .filter((m) => Number(m.text.slice(3)) % 5 === 4)
    .map((m) => latency(m.text, m.at));
  const alone = sent
    .filter((m) => Number(m.text.slice(3)) % 5 !== 4)
    .map((m) => latency(m.text, m.at));
  await workers.stop();
  await api.close({ timeoutMs: 1_000 });
  await closeConversationRuntime(deps);
  await deps.db.close();
  await Promise.all([graph.close(), llmServer.close()]);

  const ack = summary(acks);
  const reply = summary(alone);
  const behind = summary(queued);
  const result = {
    name: "channel-replies",
    ratePerSecond: RATE_PER_SECOND,
    seconds: SECONDS,
    llmLatencyMs: LLM_MS,
    events: total,
    repliesDelivered: replies.length,
    ackMs: ack,
    replyMs: reply,
    replyBehindPreviousDmMs: behind,
    replyOverLlm: {
      p50: Math.round((reply.p50 / LLM_MS) * 100) / 100,
      p99: Math.round((reply.p99 / LLM_MS) * 100) / 100,
    },
  };
  console.table({
    "webhook ack (ms)": ack,
    "DM → reply at Instagram (ms)": reply,
    "…behind the customer's previous DM": behind,
  });
  console.log(
    `${replies.length}/${total} replies; reply p50 = ${result.replyOverLlm.p50} × L, p99 = ${result.replyOverLlm.p99} × L (L = ${LLM_MS} ms)`,
  );
  writeBenchResult("channel-replies", result);
  if (replies.length !== total) process.exit(1);
}

runBench(main);
