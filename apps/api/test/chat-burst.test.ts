import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { ChatEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, modelAnswer, startFakeLlm, subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let fake: FakeOpenAI;
let answered = 0;
const visitor = () => callerAs(deps, { kind: "anonymous" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chatRequests = () => fake.requests.filter((r) => r.endpoint === "chat");

beforeAll(async () => {
  const llm = await startFakeLlm();
  fake = llm.fake;
  deps = await createTestDeps({}, llm.llm);
  await createAgent(deps, "dr_burst", { burst_window_ms: 1500 });
  await createAgent(deps, "dr_single", { burst_window_ms: 0 });
  await createAgent(deps, "dr_short", { burst_window_ms: 100 });
});

beforeEach(() => {
  fake.reset();
  answered = 0;
  fake.setResponder(() => modelAnswer(`Reply #${++answered}`));
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await fake.close();
});

async function agentMessages(conversationId: string) {
  const page = await deps.repos.messages.page(conversationId);
  return page.items.filter((m) => m.role === "agent");
}

describe("bursts", () => {
  it("answers messages sent in a burst once, over all of them; earlier sends return reply null", async () => {
    fake.setLatency(300);
    const chat = await visitor().chat.start({ agentId: "dr_burst" });
    const events = await subscribe<ChatEvent>(deps, null, (caller) => caller.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() === 1);
    const first = visitor().chat.send({ ...chat, content: "Hi" });
    await sleep(40);
    const second = visitor().chat.send({ ...chat, content: "I have a question" });
    await sleep(40);
    const third = visitor().chat.send({ ...chat, content: "about whitening" });
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(a.reply).toBeNull();
    expect(b.reply).toBeNull();
    expect(c.reply?.content).toMatch(/^Reply #/);

    const replies = await agentMessages(chat.conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.metadata.answers).toEqual([
      a.userMessage.messageId,
      b.userMessage.messageId,
      c.userMessage.messageId,
    ]);
    const last = chatRequests().at(-1)?.chat?.lastUserMessage ?? "";
    expect(last).toContain("Hi");
    expect(last).toContain("I have a question");
    expect(last).toContain("about whitening");

    // The folded sends' reply reaches the visitor through the subscription.
    await waitUntil(() =>
      events.items.some(
        (e) => e.data.type === "message" && e.data.payload.message.role === "agent",
      ),
    );
    await events.stop();
  });

  it("tells the visitor to drop the deltas of a turn that a new message replaced", async () => {
    fake.setLatency(400, { spreadAcrossChunks: true });
    fake.setResponder(() =>
      modelAnswer(`Reply #${++answered} with quite a few words so that it streams for a while`),
    );
    const chat = await visitor().chat.start({ agentId: "dr_burst" });
    const events = await subscribe<ChatEvent>(deps, null, (caller) => caller.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() === 1);
    const first = visitor().chat.send({ ...chat, content: "Hello" });
    await waitUntil(() => events.items.some((e) => e.data.type === "reply.delta"));
    const second = await visitor().chat.send({ ...chat, content: "Actually, one more thing" });
    expect((await first).reply).toBeNull();
    await waitUntil(() => events.items.some((e) => e.data.type === "message"));
    await events.stop();

    const data = events.items.map((e) => e.data);
    const firstTurn = data.find((e) => e.type === "reply.delta")?.payload.turnId;
    expect(data).toContainEqual(
      expect.objectContaining({ type: "reply.discarded", payload: { turnId: firstTurn } }),
    );
    const stored = data.find((e) => e.type === "message");
    expect(stored?.type === "message" && stored.payload.message.turnId).toBe(second.reply?.turnId);
    expect(second.reply?.turnId).not.toBe(firstTurn);
    expect(await agentMessages(chat.conversationId)).toHaveLength(1);
  });

  it("answers each message of a customer who waits for each answer", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_burst" });
    const one = await visitor().chat.send({ ...chat, content: "First question" });
    const two = await visitor().chat.send({ ...chat, content: "Second question" });
    expect(one.reply?.content).toBe("Reply #1");
    expect(two.reply?.content).toBe("Reply #2");
    // The second turn's history holds the first exchange.
    const history =
      chatRequests()
        .at(-1)
        ?.chat?.messages.map((m) => m.content) ?? [];
    expect(history).toContain("Reply #1");
  });

  it("does not fold when the window is 0: each message gets its own turn, in order", async () => {
    fake.setLatency(100);
    const chat = await visitor().chat.start({ agentId: "dr_single" });
    const sends = ["one", "two", "three"].map((content) =>
      visitor().chat.send({ ...chat, content }),
    );
    const results = await Promise.all(sends);
    expect(results.map((r) => r.reply?.content)).toEqual(["Reply #1", "Reply #2", "Reply #3"]);
    expect(await agentMessages(chat.conversationId)).toHaveLength(3);
  });

  it("queues a message that arrives after the window while a turn is running", async () => {
    fake.setLatency(400);
    const chat = await visitor().chat.start({ agentId: "dr_short" });
    const first = visitor().chat.send({ ...chat, content: "Early" });
    await sleep(200);
    const second = visitor().chat.send({ ...chat, content: "Late" });
    const [a, b] = await Promise.all([first, second]);
    expect(a.reply?.content).toBe("Reply #1");
    expect(b.reply?.content).toBe("Reply #2");
    const requests = chatRequests();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.chat?.messages.map((m) => m.content)).toContain("Reply #1");
  });
});
