// The client side of web-chat-turn.bench.ts, in a worker thread: the fake OpenAI server and the HTTP
// client get their own event loop, so the server's numbers are the server's work only.
import { parentPort } from "node:worker_threads";
import { startFakeOpenAI } from "@agents-crm/ai/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/router";
import { modelAnswer } from "../test/helpers/chat-kit";

export const REPLY =
  "Whitening takes about an hour; most patients feel nothing more than mild sensitivity.";

export interface DriverPlan {
  apiUrl: string;
  agentId: string;
  warmupTurns: number;
  overheadTurns: number;
  latencyTurns: number;
  llmLatencyMs: number;
  turnsPerConversation: number;
}

export interface TurnSample {
  totalMs: number;
  conversationId: string;
  messageId: string;
}

export type DriverMessage =
  | { type: "ready"; fakeUrl: string }
  | { type: "done"; overhead: TurnSample[]; latency: TurnSample[] }
  | { type: "failed"; error: string };

const port = parentPort;
if (!port) throw new Error("run through web-chat-turn.bench.ts");

const fake = await startFakeOpenAI({ responder: () => modelAnswer(REPLY) });
port.postMessage({ type: "ready", fakeUrl: fake.url } satisfies DriverMessage);

port.once("message", (plan: DriverPlan) => {
  run(plan)
    .then((message) => port.postMessage(message))
    .catch((error: unknown) => port.postMessage({ type: "failed", error: String(error) }))
    .finally(() => void fake.close());
});

async function run(plan: DriverPlan): Promise<DriverMessage> {
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${plan.apiUrl}/trpc`, transformer: superjson })],
  });
  let chat: { conversationId: string; token: string } | null = null;
  let turns = 0;
  const turn = async (i: number): Promise<TurnSample> => {
    if (!chat || turns >= plan.turnsPerConversation) {
      chat = await client.chat.start.mutate({ agentId: plan.agentId });
      turns = 0;
    }
    turns++;
    const started = performance.now();
    const out = await client.chat.send.mutate({ ...chat, content: `Question ${i}: does it hurt?` });
    const totalMs = performance.now() - started;
    if (out.reply?.content !== REPLY) throw new Error(`unexpected reply: ${out.reply?.content}`);
    return { totalMs, conversationId: chat.conversationId, messageId: out.reply.messageId };
  };
  const series = async (count: number) => {
    const samples: TurnSample[] = [];
    for (let i = 0; i < count; i++) samples.push(await turn(i));
    return samples;
  };
  fake.setLatency(0);
  await series(plan.warmupTurns);
  const overhead = await series(plan.overheadTurns);
  fake.setLatency(plan.llmLatencyMs);
  const latency = await series(plan.latencyTurns);
  return { type: "done", overhead, latency };
}
