// The client side of web-chat-turn.bench.ts, in a child process: the fake OpenAI server, the HTTP client
// and the WebSocket that receives the streamed reply get their own process, so the server's numbers
// (its wall times and its CPU time) are the server's work only.
import { startFakeOpenAI, type FakeEndpoint } from "@agents-crm/ai/testing";
import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import type { AppRouter } from "../src/router";
import { modelAnswer } from "../test/helpers/chat-kit";

/** Four sentences from the clinic's knowledge: what a realistic answer looks like when it streams. */
export const REPLY =
  "Professional teeth cleaning costs 350 AED and takes about 45 minutes. We are open Monday to Friday " +
  "from 9:00 to 20:00 and on Saturday from 10:00 to 16:00. Our administrator can find a convenient time " +
  "for you if you leave a phone number. Is there anything else I can help with today?";

export interface FakeLatency {
  /** The chat call from request to its last byte (L). */
  chat: number;
  /** The model's time to the first streamed token (part of `chat`). */
  firstToken: number;
  embeddings: number;
  moderations: number;
}

export interface Scenario {
  agentId: string;
  warmupTurns: number;
  overheadTurns: number;
  latencyTurns: number;
  turnsPerConversation: number;
  latency: FakeLatency;
}

export interface DriverPlan {
  apiUrl: string;
  scenarios: Scenario[];
}

export interface TurnSample {
  totalMs: number;
  /** From the send to the first `reply.delta` on the chat's WebSocket (latency series only). */
  firstDeltaMs: number | null;
  conversationId: string;
  messageId: string;
}

export interface ScenarioSamples {
  overhead: TurnSample[];
  latency: TurnSample[];
  /** Requests the fake received per measured turn, by endpoint. */
  callsPerTurn: Record<FakeEndpoint, number>;
}

export type DriverMessage =
  | { type: "ready"; fakeUrl: string }
  /** Sent when a scenario's zero-latency series starts and ends, so the server can read its CPU time. */
  | { type: "overhead"; edge: "start" | "end" }
  | { type: "done"; scenarios: ScenarioSamples[] }
  | { type: "failed"; error: string };

if (!process.send) throw new Error("run through web-chat-turn.bench.ts");
const post = (message: DriverMessage) => process.send?.(message);

const fake = await startFakeOpenAI({ responder: () => modelAnswer(REPLY) });
post({ type: "ready", fakeUrl: fake.url });

process.once("message", (plan: DriverPlan) => {
  run(plan)
    .then(post)
    .catch((error: unknown) => post({ type: "failed", error: String(error) }))
    .finally(() => {
      void fake.close();
      process.disconnect();
    });
});

async function run(plan: DriverPlan): Promise<DriverMessage> {
  const scenarios: ScenarioSamples[] = [];
  for (const scenario of plan.scenarios) scenarios.push(await runScenario(plan.apiUrl, scenario));
  return { type: "done", scenarios };
}

function setFakeLatency(latency: FakeLatency | null) {
  fake.setLatency(latency?.embeddings ?? 0, { endpoint: "embeddings" });
  fake.setLatency(latency?.moderations ?? 0, { endpoint: "moderations" });
  fake.setLatency(latency?.chat ?? 0, {
    endpoint: "chat",
    spreadAcrossChunks: latency !== null,
    firstTokenMs: latency?.firstToken,
  });
}

async function runScenario(apiUrl: string, scenario: Scenario): Promise<ScenarioSamples> {
  const http = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${apiUrl}/trpc`, transformer: superjson })],
  });
  const socket = createWSClient({
    url: `${apiUrl.replace(/^http/, "ws")}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const live = createTRPCClient<AppRouter>({
    links: [wsLink({ client: socket, transformer: superjson })],
  });

  let chat: { conversationId: string; token: string } | null = null;
  let unsubscribe = () => undefined as void;
  let turns = 0;
  let firstDeltaAt: number | null = null;
  const openChat = async (watch: boolean) => {
    unsubscribe();
    chat = await http.chat.start.mutate({ agentId: scenario.agentId });
    turns = 0;
    if (!watch) return chat;
    await new Promise<void>((resolve, reject) => {
      const subscription = live.chat.onEvent.subscribe(chat!, {
        onStarted: () => resolve(),
        onError: reject,
        onData: (event) => {
          if (event.data.type === "reply.delta") firstDeltaAt ??= performance.now();
        },
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return chat;
  };

  const turn = async (i: number, watch: boolean): Promise<TurnSample> => {
    const current = chat && turns < scenario.turnsPerConversation ? chat : await openChat(watch);
    turns++;
    firstDeltaAt = null;
    const started = performance.now();
    const out = await http.chat.send.mutate({
      ...current,
      content: `Question ${i}: how much is a teeth cleaning, and are you open on Saturday?`,
    });
    const totalMs = performance.now() - started;
    // Outside opening hours the clinic's after-hours note follows the answer.
    if (!out.reply?.content.startsWith(REPLY))
      throw new Error(`unexpected reply: ${out.reply?.content}`);
    return {
      totalMs,
      firstDeltaMs: watch && firstDeltaAt !== null ? firstDeltaAt - started : null,
      conversationId: current.conversationId,
      messageId: out.reply.messageId,
    };
  };
  const series = async (count: number, watch: boolean) => {
    const samples: TurnSample[] = [];
    for (let i = 0; i < count; i++) samples.push(await turn(i, watch));
    return samples;
  };

  setFakeLatency(null);
  await series(scenario.warmupTurns, false);
  const before = fake.requests.length;
  post({ type: "overhead", edge: "start" });
  const overhead = await series(scenario.overheadTurns, false);
  post({ type: "overhead", edge: "end" });
  const calls = fake.requests.slice(before);
  const perTurn = (endpoint: FakeEndpoint) =>
    calls.filter((request) => request.endpoint === endpoint).length / scenario.overheadTurns;
  const callsPerTurn = {
    chat: perTurn("chat"),
    embeddings: perTurn("embeddings"),
    moderations: perTurn("moderations"),
    transcriptions: perTurn("transcriptions"),
  };
  chat = null;
  setFakeLatency(scenario.latency);
  const latency = await series(scenario.latencyTurns, true);
  unsubscribe();
  setFakeLatency(null);
  await socket.close();
  return { overhead, latency, callsPerTurn };
}
