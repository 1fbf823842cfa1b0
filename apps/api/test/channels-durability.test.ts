import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOpenAI, type FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBody } from "../src/channels/webhooks/meta-signature";
import { DEFAULT_CONCURRENCY } from "../src/channels/worker/worker-runtime";
import { startFakeGraph, type FakeGraph } from "./fakes/fake-graph";
import { modelApiEnv, startApiProcess, trpcWith } from "./helpers/api-process";
import { agentDocument, modelAnswer, waitUntil } from "./helpers/chat-kit";
import { customerWords, echo, igItem, instagramBody } from "./helpers/channels-kit";
import { post } from "./helpers/webhook-kit";

// The API as its own process on a database on disk, killed with SIGKILL while it is answering 100
// Instagram DMs (the model is held, so turns are mid-way, user messages stored, replies not yet), then
// started again on the same data: every DM is answered exactly once.

const ADMIN_TOKEN = "durability-admin-token-0123456789abcdef";
const APP_SECRET = "durability-app-secret";
const IG = "17841400000000901";
const AGENT = "durable_clinic";
const USERS = 25;
const PER_USER = 4;
const LLM_LATENCY_MS = 120;

let dataDir = "";
let graph: FakeGraph;
let llm: FakeOpenAI;
let child: ChildProcess | null = null;
/** While set, every new model call waits on it (the kill comes while they wait). */
let hold: Promise<void> | null = null;
let held = 0;
let release = () => {};

async function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const started = await startApiProcess({
    env: modelApiEnv(
      { dataDir, adminToken: ADMIN_TOKEN, llmUrl: llm.url },
      {
        // Also sizes the inbox lease (3 × 4 s + 5 s): how long the killed process's events stay claimed.
        OPENAI_TIMEOUT: "4",
        INSTAGRAM_APP_SECRET: APP_SECRET,
        INSTAGRAM_GRAPH_BASE_URL: graph.url,
      },
    ),
  });
  child = started.child;
  return { child: started.child, url: started.url };
}

const trpc = <T>(url: string, path: string, input: unknown, method: "GET" | "POST") =>
  trpcWith<T>(ADMIN_TOKEN, url, path, input, method);

const sender = (user: number) => `96000000000${String(user).padStart(5, "0")}`;
const text = (user: number, n: number) => `Question ${n} from customer ${user}`;
const bodies = (() => {
  const start = Date.now();
  const all: string[] = [];
  for (let n = 0; n < PER_USER; n++) {
    for (let user = 0; user < USERS; user++) {
      all.push(
        instagramBody(IG, [
          igItem(
            IG,
            sender(user),
            { message: { mid: `mid.d.${user}.${n}`, text: text(user, n) } },
            start + n * 1000 + user,
          ),
        ]),
      );
    }
  }
  return all;
})();

async function deliverAll(url: string) {
  for (let i = 0; i < bodies.length; i += 20) {
    const batch = bodies.slice(i, i + 20);
    const results = await Promise.all(
      batch.map((body) =>
        post(`${url}/api/v1/instagram/webhook`, body, {
          "x-hub-signature-256": signBody(body, APP_SECRET),
        }),
      ),
    );
    for (const res of results) expect(res.status).toBe(200);
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "agents-crm-durability-"));
  graph = await startFakeGraph();
  graph.addInstagramAccount(IG, "IGQWR-durable-token");
  llm = await startFakeOpenAI({
    responder: async (request) => {
      if (hold) {
        held++;
        await hold;
      } else {
        await new Promise((resolve) => setTimeout(resolve, LLM_LATENCY_MS));
      }
      return modelAnswer(echo(customerWords(request.lastUserMessage)));
    },
  });
});

afterAll(async () => {
  release();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
  await graph.close();
  await llm.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const chatCalls = () => llm.requests.filter((r) => r.endpoint === "chat").length;

describe("kill -9 while 100 DMs are being answered", () => {
  it("after a restart every DM is stored once and answered exactly once", async () => {
    const first = await startApi();
    await trpc(
      first.url,
      "agents.create",
      { agentId: AGENT, config: agentDocument(AGENT) },
      "POST",
    );
    await trpc(
      first.url,
      "bindings.create",
      {
        agentId: AGENT,
        channelType: "instagram",
        channelAccountId: IG,
        accessToken: "IGQWR-durable-token",
      },
      "POST",
    );
    await deliverAll(first.url);

    // Mid-way: hold the model, let every worker slot run into it, wait for sends to stop, kill.
    await waitUntil(() => chatCalls() >= 30, 20_000);
    hold = new Promise<void>((resolve) => (release = resolve));
    // Every worker slot, or every conversation's next event, is then in a held turn: nothing else runs.
    await waitUntil(() => held >= Math.min(DEFAULT_CONCURRENCY, USERS), 5_000);
    let seen = graph.sent().length;
    await waitUntil(() => {
      const now = graph.sent().length;
      const quiet = now === seen;
      seen = now;
      return quiet;
    }, 2_000);
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;
    const sentBeforeKill = graph.sent().length;
    expect(sentBeforeKill).toBeGreaterThan(0);
    expect(sentBeforeKill).toBeLessThan(USERS * PER_USER);

    hold = null;
    release();
    const second = await startApi();
    // Meta re-delivers what it is unsure about: all of it again, to the restarted process.
    await deliverAll(second.url);
    await waitUntil(() => graph.sent().length >= USERS * PER_USER, 45_000);
    // Anything duplicated would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const sent = graph.sent();
    expect(sent).toHaveLength(USERS * PER_USER);
    const expected = new Set<string>();
    for (let user = 0; user < USERS; user++) {
      const mine = sent.filter((m) => m.to === sender(user)).map((m) => m.text);
      const answers = Array.from({ length: PER_USER }, (_, n) => echo(text(user, n)));
      answers.forEach((answer) => expected.add(answer));
      // In order, per customer.
      expect(mine).toEqual(answers);
    }
    expect(new Set(sent.map((m) => m.text))).toEqual(expected);
    // One model call per DM, plus the turns the kill cut short (each ran again after the restart).
    expect(chatCalls()).toBe(USERS * PER_USER + held);

    const conversations = await trpc<{ items: { conversationId: string }[] }>(
      second.url,
      "conversations.list",
      { agentId: AGENT, limit: 100 },
      "GET",
    );
    expect(conversations.items).toHaveLength(USERS);
    for (const { conversationId } of conversations.items) {
      const page = await trpc<{
        items: { role: string; content: string; deliveryStatus?: string }[];
      }>(second.url, "conversations.messages", { conversationId, limit: 50 }, "GET");
      const users = page.items.filter((m) => m.role === "user");
      const agents = page.items.filter((m) => m.role === "agent");
      expect(users).toHaveLength(PER_USER);
      expect(new Set(users.map((m) => m.content)).size).toBe(PER_USER);
      expect(agents).toHaveLength(PER_USER);
      expect(agents.every((m) => m.deliveryStatus === "sent")).toBe(true);
    }
    const dead = await trpc<{ items: unknown[] }>(second.url, "inbox.listDead", {}, "GET");
    expect(dead.items).toEqual([]);

    const stopped = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGTERM");
    expect(await stopped).toBe(0);
  }, 90_000);
});
