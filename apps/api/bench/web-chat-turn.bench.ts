// The web-chat turn over HTTP on the real server (embedded DynamoDB) with a fake OpenAI-compatible LLM of
// fixed latencies: chat L (time to first token T, the rest streamed), embedding E, moderation M.
//
// Headline: a realistic agent — the demo clinic, shaped like the reference's doctor_001.yaml (knowledge
// base, moderation pre_and_post, triggers, examples, templates, working hours). Its unavoidable chain:
//   embed the question (E) → one chat call (L) → moderate the end of the reply (M)
// Input moderation runs alongside retrieval and the chat call, and the reply is moderated sentence by
// sentence while it streams, so only the last check (its final sentences) waits for the reply to end.
// So the floor is E + L + M; the chat call may start no earlier than E, so the first token cannot reach
// the customer before E + T.
// Targets (design §5): turn p50 ≤ floor + 20 ms; server overhead at L = E = M = 0 p50 ≤ 15 ms and
// p99 ≤ 60 ms; first streamed token ≤ E + T + 30 ms; exactly one chat call per turn.
// A minimal agent (no knowledge, no moderation; floor L) is measured too, for comparison with earlier runs.
// The client, its WebSocket and the fake LLM run in a child process (see web-chat-turn-driver.ts), so
// the server's CPU time per turn can be read too: on a busy machine the wall times include waiting for a
// core, the CPU time does not.
// Run: npm run bench -- web-chat-turn   (or npx tsx apps/api/bench/web-chat-turn.bench.ts)
// Options: --web-chat-turn-only=realistic|minimal runs one agent; --web-chat-turn-profile writes a CPU
// profile of the server over each zero-latency series to bench/results/ (its CPU time is then inflated);
// --web-chat-turn-callers lists where that series' DynamoDB commands are sent from, per turn.
import { loadavg } from "node:os";
import {
  demoAgentDocument,
  knowledgeSources,
  parseAgentConfig,
} from "@agents-crm/config/agent-config";
import { resolve } from "node:path";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { createApiServer } from "../src/server/http-server";
import { agentDocument } from "../test/helpers/chat-kit";
import { createTestDeps } from "../test/helpers/test-api";
import {
  benchLlm,
  nextChildMessage,
  percentiles,
  runBench,
  startTsxProcess,
  writeBenchResult,
} from "./_bench-kit";
import { createCallerTally } from "./_command-callers";
import { startCpuProfile } from "./_cpu-profile";
import type {
  DriverMessage,
  DriverPlan,
  FakeLatency,
  Scenario,
  ScenarioSamples,
} from "./web-chat-turn-driver";

const REALISTIC = "bench_clinic";
const MINIMAL = "bench_minimal";
const LATENCY: FakeLatency = { chat: 400, firstToken: 150, embeddings: 60, moderations: 80 };
const TARGETS = { overFloorP50Ms: 20, overheadP50Ms: 15, overheadP99Ms: 60, firstTokenSlackMs: 30 };

const flag = (name: string) =>
  process.argv.find(
    (arg) => arg === `--web-chat-turn-${name}` || arg.startsWith(`--web-chat-turn-${name}=`),
  );
const ONLY = flag("only")?.split("=")[1];
const PROFILE = flag("profile") !== undefined;
/** Also lists where each zero-latency series' DynamoDB commands are sent from (slows the server). */
const CALLERS = flag("callers") !== undefined;

const ALL_SCENARIOS: Scenario[] = [
  {
    agentId: REALISTIC,
    warmupTurns: 40,
    overheadTurns: 300,
    latencyTurns: 40,
    turnsPerConversation: 10,
    latency: LATENCY,
  },
  {
    agentId: MINIMAL,
    warmupTurns: 20,
    overheadTurns: 200,
    latencyTurns: 30,
    turnsPerConversation: 10,
    latency: { chat: LATENCY.chat, firstToken: LATENCY.firstToken, embeddings: 0, moderations: 0 },
  },
];
const SCENARIOS = ALL_SCENARIOS.filter(
  (scenario) =>
    ONLY === undefined || scenario.agentId === `bench_${ONLY === "realistic" ? "clinic" : ONLY}`,
);
if (SCENARIOS.length === 0)
  throw new Error(`--web-chat-turn-only: realistic or minimal, got ${ONLY}`);

function floorOf(scenario: Scenario, realistic: boolean): { turnMs: number; firstTokenMs: number } {
  const { chat, firstToken, embeddings, moderations } = scenario.latency;
  return realistic
    ? { turnMs: embeddings + chat + moderations, firstTokenMs: embeddings + firstToken }
    : { turnMs: chat, firstTokenMs: firstToken };
}

function summarize(scenario: Scenario, samples: ScenarioSamples, cachedTokens: number[]) {
  const realistic = scenario.agentId === REALISTIC;
  const floor = floorOf(scenario, realistic);
  const turn = percentiles(samples.latency.map((s) => s.totalMs));
  const overFloor = percentiles(samples.latency.map((s) => s.totalMs - floor.turnMs));
  const firstToken = percentiles(samples.latency.map((s) => s.firstDeltaMs ?? Number.NaN));
  const overhead = percentiles(samples.overhead.map((s) => s.totalMs));
  const met = {
    turn: overFloor.p50 <= TARGETS.overFloorP50Ms,
    overhead: overhead.p50 <= TARGETS.overheadP50Ms && overhead.p99 <= TARGETS.overheadP99Ms,
    firstToken: firstToken.p50 <= floor.firstTokenMs + TARGETS.firstTokenSlackMs,
    oneChatCall: samples.callsPerTurn.chat === 1,
  };
  return {
    agent: realistic
      ? "realistic (demo clinic: knowledge base, moderation pre_and_post)"
      : "minimal (no knowledge base, no moderation)",
    agentId: scenario.agentId,
    latencyMs: scenario.latency,
    floorMs: floor,
    turnMs: turn,
    turnOverFloorMs: overFloor,
    turnOverL: percentiles(samples.latency.map((s) => s.totalMs / scenario.latency.chat)),
    firstTokenMs: firstToken,
    overheadMs: overhead,
    callsPerTurn: samples.callsPerTurn,
    cachedPromptTokens: percentiles(cachedTokens),
    targetsMet: met,
  };
}

async function main() {
  const driver = startTsxProcess(new URL("./web-chat-turn-driver.ts", import.meta.url));
  const ready = await nextChildMessage<DriverMessage>(driver);
  if (ready.type !== "ready") throw new Error("driver did not start");
  const llm = benchLlm(ready.fakeUrl);
  const deps = await createTestDeps({}, llm);
  const realistic = { ...demoAgentDocument, agent_id: REALISTIC };
  const parsed = parseAgentConfig(realistic);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await deps.repos.agents.create({ agentId: REALISTIC, config: realistic });
  await deps.knowledge.indexAgent(REALISTIC, knowledgeSources(parsed.config));
  await deps.repos.agents.create({ agentId: MINIMAL, config: agentDocument(MINIMAL) });
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");

  // The server's CPU time (every thread of this process) over each zero-latency series.
  const cpuMs: number[] = [];
  let cpuAtStart = process.cpuUsage();
  // DynamoDB commands over each zero-latency series, by operation and table: the turn's storage work.
  const commands: Map<string, number>[] = [];
  let counting: Map<string, number> | null = null;
  let callers: ReturnType<typeof createCallerTally> | null = null;
  const callerLines: string[][] = [];
  deps.db.onCommand((name, input) => {
    if (!counting) return;
    const key = `${name.replace(/Command$/, "")} ${typeof input.TableName === "string" ? input.TableName : "batch"}`;
    counting.set(key, (counting.get(key) ?? 0) + 1);
    callers?.count(key);
  });
  let profiling: ReturnType<typeof startCpuProfile> | null = null;
  const profiles: Promise<void>[] = [];
  const finished = new Promise<DriverMessage>((resolveDone, reject) => {
    driver.on("message", (message: DriverMessage) => {
      if (message.type !== "overhead") return resolveDone(message);
      if (message.edge === "start") {
        cpuAtStart = process.cpuUsage();
        counting = new Map();
        commands.push(counting);
        if (CALLERS) callers = createCallerTally();
        if (PROFILE) profiling = startCpuProfile();
      } else {
        const used = process.cpuUsage(cpuAtStart);
        counting = null;
        if (callers) callerLines.push(callers.lines(SCENARIOS[cpuMs.length]!.overheadTurns));
        callers = null;
        cpuMs.push((used.user + used.system) / 1000);
        const scenario = SCENARIOS[cpuMs.length - 1]!;
        const path = resolve(
          import.meta.dirname,
          `../../../bench/results/web-chat-turn-${scenario.agentId}.cpuprofile`,
        );
        if (profiling) profiles.push(profiling.then((profile) => profile.stop(path)));
        profiling = null;
      }
    });
    driver.once("error", reject);
  });
  driver.send({ apiUrl: `http://127.0.0.1:${port}`, scenarios: SCENARIOS } satisfies DriverPlan);
  const done = await finished;
  if (done.type !== "done") throw new Error(done.type === "failed" ? done.error : "driver failed");
  await Promise.all(profiles);

  const rows = [];
  for (const [index, scenario] of SCENARIOS.entries()) {
    const samples = done.scenarios[index]!;
    const cached = await Promise.all(
      samples.latency.map(async (sample) => {
        const message = await deps.repos.messages.get(sample.conversationId, sample.messageId);
        return Number(message?.metadata.usage?.cachedTokens ?? 0);
      }),
    );
    const perTurn = Object.fromEntries(
      [...(commands[index] ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1])
        .map(([key, count]) => [key, Math.round((count / scenario.overheadTurns) * 100) / 100]),
    );
    rows.push({
      ...summarize(scenario, samples, cached),
      dynamoCommandsPerTurn: perTurn,
      serverCpuMsPerTurn: Math.round(((cpuMs[index] ?? NaN) / scenario.overheadTurns) * 100) / 100,
    });
  }
  await api.close({ timeoutMs: 1_000 });
  await closeConversationRuntime(deps);
  await deps.db.close();

  const { chat: L, firstToken: T, embeddings: E, moderations: M } = LATENCY;
  console.log(
    `\nweb-chat turn: chat.send over HTTP, reply streamed over WebSocket, fake OpenAI (L = ${L} ms, ` +
      `first token T = ${T} ms, E = ${E} ms, M = ${M} ms), embedded DynamoDB, load ${loadavg()[0]!.toFixed(2)}\n`,
  );
  for (const [index, row] of rows.entries()) {
    console.log(
      `${row.agent}: floor ${row.floorMs.turnMs} ms, first-token floor ${row.floorMs.firstTokenMs} ms`,
    );
    console.table({
      "turn (ms)": row.turnMs,
      "turn - floor (ms)": row.turnOverFloorMs,
      "first streamed token (ms)": row.firstTokenMs,
      "server overhead, every latency 0 (ms)": row.overheadMs,
    });
    console.log(
      `  server CPU time per turn at zero latency: ${row.serverCpuMsPerTurn} ms\n` +
        `  calls per turn: chat ${row.callsPerTurn.chat}, embeddings ${row.callsPerTurn.embeddings}, ` +
        `moderations ${row.callsPerTurn.moderations}; cached prompt tokens p50 ${row.cachedPromptTokens.p50}`,
    );
    const dynamo = Object.entries(row.dynamoCommandsPerTurn);
    console.log(
      `  DynamoDB commands per turn: ${dynamo.reduce((sum, [, n]) => sum + n, 0).toFixed(2)} — ` +
        dynamo.map(([key, n]) => `${key} ${n}`).join(", "),
    );
    if (callerLines[index]) console.log(`  sent from:\n${callerLines[index].join("\n")}`);
    console.log(
      `  targets: turn p50 ≤ floor + ${TARGETS.overFloorP50Ms} ms ${row.targetsMet.turn ? "met" : "NOT met"}; ` +
        `overhead p50 ≤ ${TARGETS.overheadP50Ms} ms, p99 ≤ ${TARGETS.overheadP99Ms} ms ${row.targetsMet.overhead ? "met" : "NOT met"}; ` +
        `first token ≤ ${row.floorMs.firstTokenMs} + ${TARGETS.firstTokenSlackMs} ms ${row.targetsMet.firstToken ? "met" : "NOT met"}; ` +
        `one chat call ${row.targetsMet.oneChatCall ? "met" : "NOT met"}\n`,
    );
  }
  const headline = rows[0]!;
  writeBenchResult("web-chat-turn", {
    name: "web-chat-turn",
    at: new Date().toISOString(),
    node: process.version,
    load1: loadavg()[0],
    latencyMs: LATENCY,
    targets: TARGETS,
    headline: headline.agentId,
    targetsMet: Object.values(headline.targetsMet).every(Boolean),
    agents: rows,
  });
}

runBench(main);
