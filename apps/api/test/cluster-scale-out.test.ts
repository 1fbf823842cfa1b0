import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startFakeOpenAI, type FakeOpenAI } from "@agents-crm/ai/testing";
import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventIdTime } from "../src/realtime/event-ids";
import type { AppRouter } from "../src/router";
import { agentDocument, modelAnswer, waitUntil } from "./helpers/chat-kit";
import {
  endpointEnv,
  runProvision,
  startDynaliteServer,
  startReplicaProcesses,
  startRoundRobinProxy,
  type DynamoEndpoint,
  type LoadBalancer,
  type ReplicaProcess,
} from "./helpers/cluster";
import { startRedisServer, type RedisServer } from "./helpers/redis-server";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";

// Three API processes (src/main.ts, as `npm start` runs it) on one standalone dynalite server and one
// redis-server, behind a round-robin load balancer with no stickiness: every request and socket goes to
// the next replica. Each client is its own address (X-Forwarded-For, TRUST_PROXY=loopback).

const ADMIN_TOKEN = "cluster-admin-token-0123456789abcdef";
const AGENT = "cluster_clinic";
const RATE_LIMIT = 20;

let dynamo: DynamoEndpoint;
let redis: RedisServer;
let llm: FakeOpenAI;
let telegram: FakeTelegram;
let lb: LoadBalancer;
let replicas: ReplicaProcess[] = [];
let dataDir = "";
let provisionOutput = "";

beforeAll(async () => {
  [dynamo, redis, telegram] = await Promise.all([
    startDynaliteServer(),
    startRedisServer(),
    startFakeTelegram(),
  ]);
  llm = await startFakeOpenAI({
    responder: async (request) => {
      const text = request.lastUserMessage;
      await sleep(text.includes("burst") ? 700 : 100);
      if (text.includes("urgent")) {
        return modelAnswer("A person will call you.", {
          needed: true,
          type: "urgent",
          reason: "urgent",
        });
      }
      return modelAnswer(`Answer to: ${text.slice(0, 40)}`);
    },
  });
  const provision = await runProvision(endpointEnv(dynamo.endpoint));
  provisionOutput = provision.output;
  if (provision.code !== 0) throw new Error(`db:provision failed:\n${provision.output}`);
  dataDir = await mkdtemp(join(tmpdir(), "agents-crm-cluster-"));
  const key = Buffer.alloc(32, 7).toString("base64");
  replicas = await startReplicaProcesses(3, (i) => ({
    ...endpointEnv(dynamo.endpoint),
    REDIS_URL: redis.url,
    REPLICA_ID: `replica-${i}`,
    DATA_DIR: dataDir,
    SECRET_ENCRYPTION_KEY: key,
    ADMIN_TOKEN,
    SEED_DEMO: "false",
    TRUST_PROXY: "loopback",
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: llm.url,
    OPENAI_MAX_RETRIES: "0",
    // Also sizes the inbox lease (3 × 4 s + 5 s): how long a killed replica's webhook events stay claimed.
    OPENAI_TIMEOUT: "4",
    TELEGRAM_API_BASE_URL: telegram.url,
    APP_URL: "https://crm.example.test",
    // Re-alert after 3 s (a sweep every second), so the test sees one.
    ESCALATION_REALERT_MINUTES: "0.05",
  }));
  lb = await startRoundRobinProxy(replicas.map((r) => r.host));
  await call("agents.create", { agentId: AGENT, config: agentDocument(AGENT) }, { admin: true });
}, 90_000);

afterAll(async () => {
  await lb?.close();
  await Promise.all(replicas.map((r) => r.stop()));
  await llm?.close();
  await telegram?.close();
  await redis?.stop();
  await dynamo?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

let nextAddress = 10;
const newAddress = () => `198.51.100.${nextAddress++}`;

interface CallOptions {
  admin?: boolean;
  address?: string;
  query?: boolean;
}

/** One tRPC call through the load balancer; throws on an error answer. */
async function call<T = unknown>(path: string, input: unknown, options: CallOptions = {}) {
  const res = await rawCall(path, input, options);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { result: { data: { json: T } } }).result.data.json;
}

async function rawCall(path: string, input: unknown, options: CallOptions = {}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-forwarded-for": options.address ?? "203.0.113.1",
  };
  if (options.admin) headers.authorization = `Bearer ${ADMIN_TOKEN}`;
  const envelope = JSON.stringify({ json: input });
  const res = options.query
    ? await fetch(`${lb.url}/trpc/${path}?input=${encodeURIComponent(envelope)}`, { headers })
    : await fetch(`${lb.url}/trpc/${path}`, { method: "POST", headers, body: envelope });
  return { status: res.status, body: await res.json() };
}

type Chat = { conversationId: string; token: string; address: string };
type Line = { role: string; content: string; messageId: string };

async function startChat(): Promise<Chat> {
  const address = newAddress();
  const chat = await call<{ conversationId: string; token: string }>(
    "chat.start",
    { agentId: AGENT },
    { address },
  );
  return { ...chat, address };
}

const send = (chat: Chat, content: string) =>
  call<{ reply: unknown }>(
    "chat.send",
    { conversationId: chat.conversationId, token: chat.token, content },
    { address: chat.address },
  );

async function transcript(chat: Chat): Promise<Line[]> {
  const page = await call<{ items: Line[] }>(
    "chat.history",
    { conversationId: chat.conversationId, token: chat.token },
    // The visitor's token is what counts; a fresh address keeps the test's polling out of its budget.
    { address: newAddress(), query: true },
  );
  return page.items;
}

/** A Telegram private-chat text update (https://core.telegram.org/bots/api#update). */
const telegramUpdate = (updateId: number, chatId: number, text: string) =>
  JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId - 1000,
      from: { id: chatId, is_bot: false, first_name: "Anna" },
      chat: { id: chatId, type: "private", first_name: "Anna" },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  });

/** Delivers an update as Telegram does: signed with the webhook's secret, re-sent until a 200. */
async function deliverUpdate(bindingId: string, secret: string, body: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await fetch(`${lb.url}/api/v1/telegram/webhook/${bindingId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body,
    }).catch(() => null);
    if (res?.status === 200) return;
    await sleep(250);
  }
  throw new Error("Telegram update never accepted");
}

const agentLines = async (chat: Chat) => (await transcript(chat)).filter((m) => m.role === "agent");
const chatCallsWith = (word: string) =>
  llm.requests.filter((r) => r.endpoint === "chat" && r.chat?.lastUserMessage.includes(word));

describe("three replicas behind a non-sticky load balancer", () => {
  it("provisioning on a standalone endpoint without TTL warns and succeeds", () => {
    expect(provisionOutput).toMatch(/warning +this DynamoDB engine has no TTL API/);
  });

  it("answers one visitor's messages in order with the whole history, whichever replica each reached", async () => {
    const chat = await startChat();
    for (const n of [1, 2, 3, 4]) await send(chat, `question number ${n}`);
    const lines = await transcript(chat);
    expect(lines.map((m) => m.role)).toEqual([
      "user",
      "agent",
      "user",
      "agent",
      "user",
      "agent",
      "user",
      "agent",
    ]);
    // The fourth turn's model call saw the three earlier questions and their answers.
    const fourth = (chatCallsWith("question number 4")[0]?.chat?.messages ?? [])
      .map((m) => m.content)
      .join("\n");
    const answers = lines.filter((m) => m.role === "agent").slice(0, 3);
    for (const n of [1, 2, 3]) expect(fourth).toContain(`question number ${n}`);
    for (const answer of answers) expect(fourth).toContain(answer.content);
  });

  it("folds a burst sent to three replicas at once into one turn, as one replica does", async () => {
    const chat = await startChat();
    const sent = await Promise.all(
      ["burst one", "burst two", "burst three"].map((text) => send(chat, text)),
    );
    await waitUntil(async () => {
      await sleep(200);
      return (await agentLines(chat)).length >= 1;
    }, 10_000);
    await sleep(1_000);
    const answers = await agentLines(chat);
    // One replica folds all three into one turn; so does the cluster: a message stored on another
    // replica is announced to the holder before it is stored, and its running turn waits for it.
    expect(answers).toHaveLength(1);
    // As on one replica, a send returns the reply (a replica that handed its message over waits for the
    // holder's answer) or, folded, none — never null for the whole burst.
    const replies = sent.flatMap((r) => (r.reply as { messageId: string } | null)?.messageId ?? []);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    for (const id of replies) expect(id).toBe(answers[0]?.messageId);
    // The turn that answered saw all three messages.
    const last = llm.requests
      .filter((r) => r.endpoint === "chat" && r.chat?.lastUserMessage.includes("burst"))
      .at(-1);
    const seen = last?.chat?.messages.map((m) => m.content).join("\n") ?? "";
    for (const word of ["burst one", "burst two", "burst three"]) expect(seen).toContain(word);
  });

  it("runs each background job on one replica: one expiry sweep at start, one re-alert per escalation", async () => {
    const sweeps = replicas.map((r) => (r.output().match(/expiry sweep done/g) ?? []).length);
    expect(sweeps.reduce((a, b) => a + b, 0)).toBe(1);

    const chat = await startChat();
    await send(chat, "this is urgent, please call me");
    // Escalated at once; re-alerted 3 s later by whichever replica holds the sweep's lease.
    await sleep(6_000);
    const audit = await call<{ items: { action: string; resourceId?: string }[] }>(
      "audit.list",
      { limit: 100 },
      { admin: true, query: true },
    );
    const realerts = audit.items.filter(
      (e) => e.action === "realert" && e.resourceId === chat.conversationId,
    );
    expect(realerts).toHaveLength(1);
  });

  it("holds a client's rate limit across the replicas (Redis), not once per replica", async () => {
    const address = newAddress();
    let allowed = 0;
    for (let i = 0; i < RATE_LIMIT * 2; i++) {
      const res = await rawCall("chat.start", { agentId: AGENT }, { address });
      if (res.status === 200) allowed++;
      else expect(res.status).toBe(429);
    }
    // Per process it would be 3 × the limit; each replica may let one call over on Redis's last answer.
    expect(allowed).toBeGreaterThanOrEqual(RATE_LIMIT - 1);
    expect(allowed).toBeLessThanOrEqual(RATE_LIMIT + replicas.length);
  });

  it("kill -9 of a replica mid-load loses and duplicates nothing; its sockets resume on the others", async () => {
    const wsLog: [string, string][] = [];
    const client = createWSClient({
      url: lb.wsUrl,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      connectionParams: { token: ADMIN_TOKEN },
      retryDelayMs: () => 100,
      onOpen: () => wsLog.push(["open", new Date().toISOString()]),
      onClose: () => wsLog.push(["close", new Date().toISOString()]),
    });
    const admin = createTRPCClient<AppRouter>({
      links: [wsLink({ client, transformer: superjson })],
    });
    const seen: { id: string; type: string; messageId?: string }[] = [];
    const sub = admin.admin.onEvent.subscribe(undefined, {
      onData: (event) => {
        const payload = event.data.payload as { message?: { messageId: string } };
        seen.push({ id: event.id, type: event.data.type, messageId: payload.message?.messageId });
      },
    });
    await sleep(500);

    const bot = telegram.addBot();
    const binding = await call<{ bindingId: string }>(
      "bindings.create",
      { agentId: AGENT, channelType: "telegram", accessToken: bot.token },
      { admin: true },
    );
    await call("bindings.verify", { bindingId: binding.bindingId }, { admin: true });
    const secret = bot.webhook?.secretToken ?? "";
    const tgChats = [5100000001, 5100000002, 5100000003, 5100000004];
    const updates = tgChats.map(async (chatId, i) => {
      for (const n of [1, 2, 3]) {
        const body = telegramUpdate(720000000 + i * 10 + n, chatId, `telegram ${i} message ${n}`);
        await deliverUpdate(binding.bindingId, secret, body);
        await sleep(50);
      }
    });

    const chats = await Promise.all(Array.from({ length: 6 }, () => startChat()));
    const sends = chats.map(async (chat, i) => {
      for (const n of [1, 2, 3]) {
        // A send the dead replica never answered may still have been stored: the visitor does not resend.
        await send(chat, `load ${i} message ${n}`).catch(() => undefined);
        await sleep(50);
      }
    });
    await sleep(300);
    const victim = replicas[1]!;
    await victim.crash();
    lb.setTargets(replicas.filter((r) => r !== victim).map((r) => r.host));
    await Promise.all([...sends, ...updates]);

    // Every stored customer message is answered exactly once (turns a dead replica held are taken
    // over when their leases run out).
    await waitUntil(async () => {
      await sleep(300);
      for (const chat of chats) {
        const lines = await transcript(chat);
        const users = lines.filter((m) => m.role === "user").length;
        const agents = lines.filter((m) => m.role === "agent").length;
        if (agents < Math.min(1, users) || lines.at(-1)?.role !== "agent") return false;
      }
      return true;
    }, 60_000);
    await sleep(1_000);
    for (const chat of chats) {
      const lines = await transcript(chat);
      const ids = lines.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      // No message answered twice: never two agent lines in a row.
      for (let i = 1; i < lines.length; i++) {
        if (lines[i]!.role === "agent") expect(lines[i - 1]!.role).toBe("user");
      }
      const userTexts = lines.filter((m) => m.role === "user").map((m) => m.content);
      expect(new Set(userTexts).size).toBe(userTexts.length);
    }
    // Every signed Telegram update is stored once (re-deliveries included) and answered, none twice.
    type AdminLine = { role: string; content: string };
    const telegramTranscripts = async () => {
      const list = await call<{ items: { conversationId: string; channel: string }[] }>(
        "conversations.list",
        { agentId: AGENT, channel: "telegram", limit: 100 },
        { admin: true, query: true },
      );
      return Promise.all(
        list.items.map(async ({ conversationId }) => {
          const page = await call<{ items: AdminLine[] }>(
            "conversations.messages",
            { conversationId, limit: 50 },
            { admin: true, query: true },
          );
          return page.items.filter((m) => m.role === "user" || m.role === "agent");
        }),
      );
    };
    await waitUntil(async () => {
      await sleep(300);
      const all = await telegramTranscripts();
      return (
        all.length === tgChats.length &&
        all.every(
          (lines) =>
            lines.filter((m) => m.role === "user").length === 3 && lines.at(-1)?.role === "agent",
        )
      );
    }, 60_000);
    await sleep(1_000);
    const transcripts = await telegramTranscripts();
    for (const lines of transcripts) {
      const users = lines.filter((m) => m.role === "user").map((m) => m.content);
      expect(new Set(users).size).toBe(3);
      for (let i = 1; i < lines.length; i++) {
        if (lines[i]!.role === "agent") expect(lines[i - 1]!.role).toBe("user");
      }
    }
    // Each stored reply went out to Telegram once (the fake's texts are alike: they are counted).
    const replies = transcripts.flat().filter((m) => m.role === "agent").length;
    const delivered = tgChats.map((chatId) => telegram.sent(chatId).length);
    expect(delivered.every((n) => n >= 1)).toBe(true);
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(replies);

    // The console's socket reconnected through the balancer and resumed: every reply arrived, once each.
    const replyIds = (await Promise.all(chats.map(agentLines))).flat().map((m) => m.messageId);
    await waitUntil(
      () => replyIds.every((id) => seen.some((e) => e.messageId === id)),
      15_000,
    ).catch(() => {
      // What the console missed, and when its socket dropped: enough to tell a resume gap from a lost event.
      const missing = replyIds.filter((id) => !seen.some((e) => e.messageId === id));
      const at = (id: string) => new Date(eventIdTime(id)).toISOString();
      throw new Error(
        `the console never heard of ${missing.map((id) => `${id} (${at(id)})`).join(", ")}; ` +
          `socket ${JSON.stringify(wsLog)}; last events ${seen
            .slice(-8)
            .map((e) => `${at(e.id)} ${e.type}`)
            .join(" | ")}`,
      );
    });
    // A resume re-reads a short window (replicas' ids interleave) and the console keeps one copy per event
    // id; what must not happen is one message announced as two different events.
    for (const id of replyIds) {
      const announced = new Set(
        seen.filter((e) => e.type === "message.created" && e.messageId === id).map((e) => e.id),
      );
      expect(announced.size).toBe(1);
    }
    sub.unsubscribe();
    await client.close();
  }, 100_000);
});
