import { readFileSync } from "node:fs";
import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInboxSignal } from "../src/channels/inbox-signal";
import { startChannelWorkers, type ChannelWorkers } from "../src/channels/worker/channel-workers";
import type { ApiDeps } from "../src/deps";
import { silentLogger } from "../src/logger";
import {
  closeConversationRuntime,
  startConversationRuntime,
} from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, modelAnswer, startFakeLlm, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

// A web-chat message with files takes the same durable path as text (web-turn item before the message is
// stored, the turn under its lease): a photo answered by a vision model, or a document handed over as
// unreadable, whose process stops mid-way is answered exactly once by the next process.

const PHOTO = readFileSync(new URL("./fixtures/media/rash-photo.jpg", import.meta.url));
const PDF = readFileSync(new URL("./fixtures/media/test-results.pdf", import.meta.url));

let first: ApiDeps;
let fake: FakeOpenAI;
let held = 0;
let gate: Promise<void> | null = null;
let open = () => {};
let firstStopped = false;
const fresh: { deps: ApiDeps; workers: ChannelWorkers }[] = [];

const visitor = (deps: ApiDeps) => callerAs(deps, { kind: "anonymous" });
const chatCalls = () => fake.requests.filter((r) => r.endpoint === "chat");
const runtimeOnFirstDb = () =>
  startConversationRuntime({ env: first.env, repos: first.repos, log: silentLogger, sweep: false });

/** The restarted process: a runtime and inbox workers on the first one's database. */
function restart() {
  const deps: ApiDeps = { ...first, ...runtimeOnFirstDb().deps, inboxSignal: createInboxSignal() };
  const started = { deps, workers: startChannelWorkers(deps, { pollMs: 20, recover: false }) };
  fresh.push(started);
  return started;
}

async function upload(conversationId: string, bytes: Buffer, name: string) {
  const record = await first.files.saveFile({
    bytes: new Uint8Array(bytes),
    name,
    purpose: "conversation",
    conversationId,
    createdBy: "customer",
  });
  return record.fileId;
}

async function agentReplies(deps: ApiDeps, conversationId: string) {
  const page = await deps.repos.messages.page(conversationId);
  return page.items.filter((m) => m.role === "agent");
}

beforeAll(async () => {
  const llm = await startFakeLlm();
  fake = llm.fake;
  first = await createTestDeps({ OPENAI_VISION: "true" }, llm.llm);
  await createAgent(first, "dr_photo_recover", { burst_window_ms: 0 });
});

beforeEach(() => {
  fake.reset();
  held = 0;
  gate = null;
  fake.setResponder(async (request) => {
    if (gate) {
      held++;
      await gate;
    }
    return modelAnswer(`Seen: ${request.lastUserMessage.slice(-40)}`);
  });
  if (firstStopped) {
    firstStopped = false;
    first = { ...first, ...runtimeOnFirstDb().deps };
  }
});

afterEach(async () => {
  open();
  gate = null;
  for (const { deps, workers } of fresh.splice(0)) {
    await workers.stop();
    await closeConversationRuntime(deps);
  }
});

afterAll(async () => {
  if (!firstStopped) await closeConversationRuntime(first);
  await first.db.close();
  await fake.close();
});

describe("a web-chat message with files whose process stops before its turn ends", () => {
  it("a photo cut off while the vision model reads it is answered once by the next process", async () => {
    const chat = await visitor(first).chat.start({ agentId: "dr_photo_recover" });
    const photo = await upload(chat.conversationId, PHOTO, "rash.jpg");
    gate = new Promise<void>((resolve) => (open = resolve));
    const sent = visitor(first).chat.send({ ...chat, content: "What is this?", fileIds: [photo] });
    sent.catch(() => undefined);
    await waitUntil(() => held === 1);

    // Stopped at once (its deadline reached); its held call may end now but must not be answered there.
    const stopped = closeConversationRuntime(first, { deadline: Date.now() });
    firstStopped = true;
    open();
    gate = null;
    await stopped;

    const second = restart();
    await waitUntil(async () => (await agentReplies(second.deps, chat.conversationId)).length > 0);
    await second.workers.settled();
    const replies = await agentReplies(second.deps, chat.conversationId);
    expect(replies).toHaveLength(1);
    const [user] = (await second.deps.repos.messages.page(chat.conversationId)).items;
    expect(replies[0]?.metadata.answers).toEqual([user?.messageId]);
    // The next process read the photo too: the stopped call and the recovered one, no third.
    expect(chatCalls()).toHaveLength(2);
    expect(chatCalls()[1]?.chat?.lastUserImages).toEqual([
      expect.stringMatching(/^data:image\/jpeg;base64,/),
    ]);
    expect(await second.deps.repos.inboundEvents.countQueued()).toBe(0);
  });

  it("a document stored while the process stops is handed over by the next process, once", async () => {
    const busy = await visitor(first).chat.start({ agentId: "dr_photo_recover" });
    const late = await visitor(first).chat.start({ agentId: "dr_photo_recover" });
    const pdf = await upload(late.conversationId, PDF, "results.pdf");
    gate = new Promise<void>((resolve) => (open = resolve));
    visitor(first)
      .chat.send({ ...busy, content: "First question" })
      .catch(() => undefined);
    await waitUntil(() => held === 1);
    // Stopping: what arrives now is stored and left to the next process, as a text message is.
    const stopped = closeConversationRuntime(first, { deadline: Date.now() + 60_000 });
    firstStopped = true;
    const sent = await visitor(first).chat.send({ ...late, content: "My results", fileIds: [pdf] });
    expect(sent.reply).toBeNull();
    expect(await agentReplies(first, late.conversationId)).toHaveLength(0);
    open();
    gate = null;
    await stopped;

    const second = restart();
    await waitUntil(async () => (await agentReplies(second.deps, late.conversationId)).length > 0);
    await second.workers.settled();
    const replies = await agentReplies(second.deps, late.conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.metadata.escalation?.type).toBe("unreadable_message");
    const row = await second.deps.repos.conversations.get(late.conversationId);
    expect(row?.status).toBe("NEEDS_HUMAN");
    // The document needs no model call: only the busy chat's.
    expect(chatCalls()).toHaveLength(1);
    expect(await second.deps.repos.inboundEvents.countQueued()).toBe(0);
  });
});
