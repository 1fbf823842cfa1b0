import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOpenAI, type FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelApiEnv, startApiProcess, trpcWith } from "./helpers/api-process";
import { agentDocument, modelAnswer, waitUntil } from "./helpers/chat-kit";

// The API as its own process on a database on disk, stopped (SIGTERM, then SIGKILL 8 s later, as
// `npm start` does; or kill -9) while the model is answering a web chat, then started again on the same
// DATA_DIR: the visitor's message is answered exactly once, by the restarted process.

const ADMIN_TOKEN = "web-turns-admin-token-0123456789abcdef";
const AGENT = "web_turns_clinic";
/** scripts/start.mjs: SIGTERM, then SIGKILL after this long. */
const KILL_AFTER_MS = 8_000;

let dataDir = "";
let llm: FakeOpenAI;
const children = new Set<ChildProcess>();
/** Model calls for messages containing "slow" wait for this while it is set. */
let gate: Promise<void> | null = null;
let openGate = () => {};

interface Api {
  child: ChildProcess;
  url: string;
  listeningAt: number;
}

async function startApi(): Promise<Api> {
  const { child, url } = await startApiProcess({
    env: modelApiEnv(
      { dataDir, adminToken: ADMIN_TOKEN, llmUrl: llm.url },
      { SHUTDOWN_TIMEOUT: "3" },
    ),
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return { child, url, listeningAt: Date.now() };
}

/** Stops the process as `npm start` does (SIGTERM, SIGKILL after 8 s) or with kill -9. */
async function stopApi(api: Api, how: "SIGTERM" | "SIGKILL") {
  const startedAt = Date.now();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    api.child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  api.child.kill(how);
  const timer = setTimeout(() => api.child.kill("SIGKILL"), KILL_AFTER_MS);
  const result = await exited;
  clearTimeout(timer);
  return { ...result, ms: Date.now() - startedAt };
}

const trpc = <T>(url: string, path: string, input: unknown, method: "GET" | "POST") =>
  trpcWith<T>(ADMIN_TOKEN, url, path, input, method);

type Chat = { conversationId: string; token: string };

const startChat = (api: Api) => trpc<Chat>(api.url, "chat.start", { agentId: AGENT }, "POST");

/** Sends without waiting for the answer (the process may be stopped before it comes). */
function send(api: Api, chat: Chat, content: string) {
  trpc(api.url, "chat.send", { ...chat, content }, "POST").catch(() => undefined);
}

async function agentReplies(api: Api, chat: Chat) {
  const page = await trpc<{ items: { role: string; content: string }[] }>(
    api.url,
    "chat.history",
    chat,
    "GET",
  );
  return page.items.filter((m) => m.role === "agent");
}

const chatCalls = (word: string) =>
  llm.requests.filter((r) => r.endpoint === "chat" && r.chat?.lastUserMessage.includes(word));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "agents-crm-web-turns-"));
  llm = await startFakeOpenAI({
    responder: async (request) => {
      const words = request.lastUserMessage;
      if (words.includes("slow") && gate) await gate;
      if (words.includes("soon")) await new Promise((resolve) => setTimeout(resolve, 800));
      return modelAnswer(`Answer #${llm.requests.length}`);
    },
  });
  const api = await startApi();
  await trpc(api.url, "agents.create", { agentId: AGENT, config: agentDocument(AGENT) }, "POST");
  await stopApi(api, "SIGTERM");
}, 60_000);

afterAll(async () => {
  openGate();
  for (const child of children) child.kill("SIGKILL");
  await llm.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("stopping the API while the model answers a web chat", () => {
  it("SIGTERM: the stopping process finishes what ends in time; the restart answers the rest once", async () => {
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const first = await startApi();
    const quick = await startChat(first);
    const slow = await startChat(first);
    send(first, quick, "Is the clinic open soon");
    send(first, slow, "A slow question about braces");
    await waitUntil(() => chatCalls("soon").length === 1 && chatCalls("slow").length === 1);

    const stopped = await stopApi(first, "SIGTERM");
    openGate();
    gate = null;

    const second = await startApi();
    await waitUntil(async () => (await agentReplies(second, slow)).length > 0, 20_000);
    const replyAfterMs = Date.now() - second.listeningAt;
    expect(await agentReplies(second, slow)).toHaveLength(1);
    expect(await agentReplies(second, quick)).toHaveLength(1);
    await stopApi(second, "SIGTERM");
    // Every reply is one model call: the stopped call, the restart's call, and nothing else.
    expect(chatCalls("slow")).toHaveLength(2);
    expect(chatCalls("soon")).toHaveLength(1);
    // It stopped by itself, inside the platform's kill timeout.
    expect(stopped).toMatchObject({ code: 0, signal: null });
    console.info(
      `[web-turn recovery] SIGTERM: process exited ${stopped.ms} ms after the signal; reply ${replyAfterMs} ms after the restart was listening`,
    );
  }, 90_000);

  it("kill -9: after a restart on the same data the message is answered exactly once", async () => {
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const first = await startApi();
    const chat = await startChat(first);
    send(first, chat, "Another slow question, about crowns");
    await waitUntil(() => chatCalls("crowns").length === 1);

    await stopApi(first, "SIGKILL");
    openGate();
    gate = null;

    const second = await startApi();
    await waitUntil(async () => (await agentReplies(second, chat)).length > 0, 40_000);
    const replyAfterMs = Date.now() - second.listeningAt;
    expect(await agentReplies(second, chat)).toHaveLength(1);
    await stopApi(second, "SIGTERM");
    expect(chatCalls("crowns")).toHaveLength(2);
    console.info(
      `[web-turn recovery] kill -9: reply ${replyAfterMs} ms after the restart was listening`,
    );
  }, 90_000);
});
