// The web-chat turn over HTTP on the real server (embedded DynamoDB) with a fake OpenAI-compatible LLM:
//   server overhead: chat.send latency with a zero-latency LLM (target p50 ≤ 15 ms, p99 ≤ 60 ms);
//   turn latency / LLM latency with the LLM answering after L ms (target ≤ 1.15).
// The client and the fake LLM run in a worker thread (see web-chat-turn-driver.ts).
// Run: npx tsx apps/api/bench/web-chat-turn.bench.ts
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { createApiServer } from "../src/server/http-server";
import { agentDocument } from "../test/helpers/chat-kit";
import { createTestDeps } from "../test/helpers/test-api";
import {
  benchLlm,
  nextMessage,
  percentiles,
  runBench,
  startTsxWorker,
  writeBenchResult,
} from "./_bench-kit";
import type { DriverMessage, DriverPlan, TurnSample } from "./web-chat-turn-driver";

const PLAN: Omit<DriverPlan, "apiUrl"> = {
  agentId: "bench_agent",
  warmupTurns: 30,
  overheadTurns: 300,
  latencyTurns: 30,
  llmLatencyMs: 300,
  turnsPerConversation: 10,
};

async function main() {
  const worker = startTsxWorker(new URL("./web-chat-turn-driver.ts", import.meta.url));
  const ready = await nextMessage<DriverMessage>(worker);
  if (ready.type !== "ready") throw new Error("driver did not start");
  const llm = benchLlm(ready.fakeUrl);
  const deps = await createTestDeps({}, llm);
  await deps.repos.agents.create({ agentId: PLAN.agentId, config: agentDocument(PLAN.agentId) });
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");

  const finished = nextMessage<DriverMessage>(worker);
  worker.postMessage({ ...PLAN, apiUrl: `http://127.0.0.1:${port}` } satisfies DriverPlan);
  const done = await finished;
  if (done.type !== "done") throw new Error(done.type === "failed" ? done.error : "driver failed");
  await worker.terminate();

  const llmMs = async (sample: TurnSample) => {
    const message = await deps.repos.messages.get(sample.conversationId, sample.messageId);
    return Number(message?.metadata.usage?.llmLatencyMs);
  };
  const withoutLlm = await Promise.all(
    done.overhead.map(async (s) => s.totalMs - (await llmMs(s))),
  );
  await api.close({ timeoutMs: 1_000 });
  await closeConversationRuntime(deps);
  await deps.db.close();

  const results = {
    name: "web-chat-turn",
    at: new Date().toISOString(),
    node: process.version,
    llmLatencyMs: PLAN.llmLatencyMs,
    overheadMs: percentiles(done.overhead.map((s) => s.totalMs)),
    overheadExcludingLlmCallMs: percentiles(withoutLlm),
    turnMs: percentiles(done.latency.map((s) => s.totalMs)),
    turnOverLlmLatency: percentiles(done.latency.map((s) => s.totalMs / PLAN.llmLatencyMs)),
    targets: { overheadP50Ms: 15, overheadP99Ms: 60, turnOverLlmLatency: 1.15 },
  };
  const met =
    results.overheadMs.p50 <= 15 &&
    results.overheadMs.p99 <= 60 &&
    results.turnOverLlmLatency.p50 <= 1.15;

  console.log("\nweb-chat turn: chat.send over HTTP, fake OpenAI (streaming), embedded DynamoDB\n");
  console.table({
    "server overhead, LLM latency 0 (ms)": results.overheadMs,
    "  excluding the LLM HTTP call (ms)": results.overheadExcludingLlmCallMs,
    [`turn latency, LLM latency ${PLAN.llmLatencyMs} ms (ms)`]: results.turnMs,
    "turn latency / LLM latency": results.turnOverLlmLatency,
  });
  console.log(
    `targets: overhead p50 ≤ 15 ms, p99 ≤ 60 ms; turn / LLM ≤ 1.15 → ${met ? "met" : "NOT met"}`,
  );

  writeBenchResult("web-chat-turn", { ...results, targetsMet: met });
}

runBench(main);
