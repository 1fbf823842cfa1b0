import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { ChatEvent } from "../src/domain/conversations/events";
import { createWebTurnTickets } from "../src/domain/turns/web-turn-tickets";
import { silentLogger } from "../src/logger";
import { ADMIN_STREAM, conversationStream, type RealtimeEvent } from "../src/realtime/types";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { createAgent, subscribe, waitUntil } from "./helpers/chat-kit";
import { agentReplies, useRestarts, visitor } from "./helpers/restart-kit";

// A web-chat turn whose process stops mid-call (the model is held, so the turn never finishes there) is
// answered exactly once by a fresh runtime on the same database, the way a restarted process would.

const w = useRestarts({
  agents: async (deps) => {
    await createAgent(deps, "dr_recover", { burst_window_ms: 0 });
    await createAgent(deps, "dr_burst_recover", { burst_window_ms: 5_000 });
    await createAgent(deps, "dr_leaving");
  },
  answer: (words, n) => `Reply #${n} to: ${words.slice(-60)}`,
});
const { chatCalls, holdTheModel, restart, sendHeld } = w;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Caller = ReturnType<typeof callerAs>;

/**
 * Stops the first runtime at once, leaving its held call held, and restarts on the same database with
 * the model answering new calls; resolves once the fresh runtime has replied and the stopped one closed.
 */
async function stopAndRecover(conversationId: string) {
  const stopped = w.stopFirst();
  w.answerNewCalls();
  const second = await w.recover(conversationId);
  w.releaseHeld();
  await stopped;
  return second;
}

/** The first runtime takes a message for `agentId` and stops mid-call; returns the chat. */
async function cutOffMidCall(agentId: string, content: string) {
  const chat = await visitor(w.first).chat.start({ agentId });
  holdTheModel();
  await sendHeld({ ...chat, content });
  await w.stopFirstAndRelease();
  return chat;
}

describe("a web-chat turn whose process stops mid-call", () => {
  it("is answered once by a fresh runtime on the same database, and reaches the visitor on reconnect", async () => {
    const chat = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    const before = await visitor(w.first).chat.history(chat);
    holdTheModel();
    const { sent } = await sendHeld({ ...chat, content: "Do you do implants?" });
    // The stopped runtime's call stays held; the model answers new calls at once.
    const second = await stopAndRecover(chat.conversationId);

    const replies = await agentReplies(second.deps, chat.conversationId);
    expect(replies).toHaveLength(1);
    const user = (await second.deps.repos.messages.page(chat.conversationId)).items.find(
      (m) => m.role === "user",
    );
    expect(replies[0]?.metadata.answers).toEqual([user?.messageId]);
    // The stopped runtime's call and the fresh runtime's call; no third.
    expect(chatCalls()).toHaveLength(2);
    expect((await sent).reply).toBeNull();

    // The visitor reconnects (to the new process) from where its page was: the reply is in the stream.
    const events = await subscribe<ChatEvent>(second.deps, null, (caller) =>
      caller.chat.onEvent({ ...chat, lastEventId: before.eventCursor }),
    );
    await waitUntil(() =>
      events.items.some(
        (e) => e.data.type === "message" && e.data.payload.message.role === "agent",
      ),
    );
    await events.stop();
  });

  it("answers a burst cut off mid-call with one turn over all its messages", async () => {
    const chat = await visitor(w.first).chat.start({ agentId: "dr_burst_recover" });
    holdTheModel();
    await sendHeld({ ...chat, content: "Hello there" });
    // The second message folds into a new turn over both, also held.
    await sendHeld({ ...chat, content: "what about whitening" }, 2);
    // The stopped runtime's call stays held; the model answers new calls at once.
    const second = await stopAndRecover(chat.conversationId);

    const replies = await agentReplies(second.deps, chat.conversationId);
    expect(replies).toHaveLength(1);
    const users = (await second.deps.repos.messages.page(chat.conversationId)).items.filter(
      (m) => m.role === "user",
    );
    expect(replies[0]?.metadata.answers).toEqual(users.map((m) => m.messageId));
    const prompt = chatCalls().at(-1)?.chat?.lastUserMessage ?? "";
    expect(prompt).toContain("Hello there");
    expect(prompt).toContain("what about whitening");
    expect(chatCalls()).toHaveLength(3);
  });

  it.each([
    {
      name: "by the AI when a human took over meanwhile",
      agentId: "dr_recover",
      content: "I need a person",
      meanwhile: (staff: Caller, conversationId: string) =>
        staff.conversations.handoff({ conversationId }),
      afterwards: async () => {},
    },
    {
      name: "when the conversation was closed meanwhile",
      agentId: "dr_recover",
      content: "Thanks, bye",
      meanwhile: (staff: Caller, conversationId: string) =>
        staff.conversations.close({ conversationId }),
      afterwards: async () => {},
    },
    {
      name: "when the agent was deactivated meanwhile",
      agentId: "dr_leaving",
      content: "Are you still there?",
      meanwhile: (staff: Caller) => staff.agents.delete({ agentId: "dr_leaving" }),
      afterwards: (staff: Caller) => staff.agents.activate({ agentId: "dr_leaving" }),
    },
  ])("stays unanswered $name", async ({ agentId, content, meanwhile, afterwards }) => {
    const chat = await cutOffMidCall(agentId, content);

    const second = restart();
    const staff = callerAs(second.deps, machine);
    await meanwhile(staff, chat.conversationId);
    await second.workers.settled();
    expect(await agentReplies(second.deps, chat.conversationId)).toHaveLength(0);
    expect(chatCalls()).toHaveLength(1);
    expect(await second.deps.repos.inboundEvents.countQueued()).toBe(0);
    await afterwards(staff);
  });

  it("sends no second reply when the first process wrote its reply just before it died", async () => {
    const chat = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    const sent = await visitor(w.first).chat.send({ ...chat, content: "Opening hours?" });
    expect(sent.reply).not.toBeNull();
    const stored = await w.first.repos.messages.get(
      chat.conversationId,
      sent.userMessage.messageId,
    );
    const key = stored?.metadata.inboxEventKey;
    expect(typeof key).toBe("string");
    await w.first.work.drain();
    // What the crash leaves: the turn's inbox item still claimed by the dead process, its lease run out.
    await w.first.db.doc.send(
      new UpdateCommand({
        TableName: w.first.db.tables.inboundEvents,
        Key: { event_key: key },
        UpdateExpression:
          "SET #status = :processing, queue_pk = :queue, order_key = order_group, lease_owner = :dead, lease_until = :past, due_at = :past, due_sort = :dueSort",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":processing": "processing",
          ":queue": "QUEUE",
          ":dead": "a-process-that-died",
          ":past": 1,
          ":dueSort": `${"1".padStart(15, "0")}#${String(key)}`,
        },
      }),
    );
    expect(await w.first.repos.inboundEvents.countQueued()).toBe(1);

    const second = restart();
    await second.workers.settled();
    expect(await agentReplies(second.deps, chat.conversationId)).toHaveLength(1);
    expect(chatCalls()).toHaveLength(1);
    expect((await second.deps.repos.inboundEvents.get(String(key)))?.status).toBe("done");
  });

  it("announces a reply the dead process wrote but never published, once", async () => {
    const chat = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    const before = await visitor(w.first).chat.history(chat);
    const conversation = await w.first.repos.conversations.get(chat.conversationId);
    if (!conversation) throw new Error("no conversation");
    // What a process that died right after writing the reply leaves: its lease held, no event sent.
    const { eventKey } = await w.first.repos.inboundEvents.record({
      platform: "web_chat",
      scope: "turns",
      externalId: `dead-${chat.conversationId}`,
      orderKey: `turn#${chat.conversationId}`,
      orderSort: 1,
      payload: { job: "web-turn", conversationId: chat.conversationId, agentId: "dr_recover" },
      lease: { owner: "a-process-that-died", leaseMs: 1 },
    });
    const asked = await w.first.repos.messages.append({
      conversationId: chat.conversationId,
      agentId: "dr_recover",
      role: "user",
      content: "Where are you?",
      channel: "web_chat",
      metadata: { inboxEventKey: eventKey },
    });
    const reply = await w.first.repos.messages.append({
      conversationId: chat.conversationId,
      agentId: "dr_recover",
      role: "agent",
      content: "Main street 1.",
      channel: "web_chat",
      metadata: { turnId: "t-dead", answers: [asked.messageId] },
    });

    const second = restart();
    await second.workers.settled();
    const events = await subscribe<ChatEvent>(second.deps, null, (caller) =>
      caller.chat.onEvent({ ...chat, lastEventId: before.eventCursor }),
    );
    await waitUntil(() => events.items.some((e) => e.data.type === "message"));
    await events.stop();
    const announced = events.items.filter((e) => e.data.type === "message");
    expect(announced.map((e) => e.data.type === "message" && e.data.payload.message)).toEqual([
      expect.objectContaining({ messageId: reply.messageId, role: "agent" }),
    ]);
    expect(await agentReplies(second.deps, chat.conversationId)).toHaveLength(1);
    expect(chatCalls()).toHaveLength(0);
  });

  it("fans out again what the dead process logged but never sent, and tells the streams it never told", async () => {
    const chat = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    const { eventKey } = await w.first.repos.inboundEvents.record({
      platform: "web_chat",
      scope: "turns",
      externalId: `half-${chat.conversationId}`,
      orderKey: `turn#${chat.conversationId}`,
      orderSort: 1,
      payload: { job: "web-turn", conversationId: chat.conversationId, agentId: "dr_recover" },
      lease: { owner: "a-process-that-died", leaseMs: 1 },
    });
    const asked = await w.first.repos.messages.append({
      conversationId: chat.conversationId,
      agentId: "dr_recover",
      role: "user",
      content: "Do you have parking?",
      channel: "web_chat",
      metadata: { inboxEventKey: eventKey },
    });
    const reply = await w.first.repos.messages.append({
      conversationId: chat.conversationId,
      agentId: "dr_recover",
      role: "agent",
      content: "Yes, free parking.",
      channel: "web_chat",
      metadata: { turnId: "t-half", answers: [asked.messageId] },
    });
    // It logged the visitor's event, then died before fanning it out and before logging the consoles'.
    const logged = await w.first.repos.eventLog.append(conversationStream(chat.conversationId), {
      type: "message",
      payload: { message: { messageId: reply.messageId, role: "agent", content: reply.content } },
    });

    const second = restart();
    const heard: RealtimeEvent[] = [];
    second.deps.hub.subscribe(conversationStream(chat.conversationId), (e) => heard.push(e));
    second.deps.hub.subscribe(ADMIN_STREAM, (e) => heard.push(e));
    await second.workers.settled();
    const aboutReply = heard.filter(
      (e) =>
        (e.payload as { message?: { messageId?: string } }).message?.messageId === reply.messageId,
    );
    expect(aboutReply.map((e) => [e.stream, e.type])).toEqual(
      expect.arrayContaining([
        [conversationStream(chat.conversationId), "message"],
        [ADMIN_STREAM, "message.created"],
      ]),
    );
    expect(aboutReply).toHaveLength(2);
    // The visitor's copy is the logged event itself, so a client that had it keeps one copy.
    expect(aboutReply.find((e) => e.stream !== ADMIN_STREAM)?.id).toBe(logged.eventId);
    expect(await agentReplies(second.deps, chat.conversationId)).toHaveLength(1);
    expect(chatCalls()).toHaveLength(0);
  });
});

describe("a web-chat turn whose process is alive", () => {
  it("keeps its lease through a model call longer than the lease: no second process answers it", async () => {
    // Leases of 3 s renewed every second, and a call of 7 s.
    const webTurns = createWebTurnTickets({
      repos: w.first.repos,
      turns: w.first.turns,
      work: w.first.work,
      log: silentLogger,
      replicaId: w.first.replicaId,
      leaseMs: 3_000,
    });
    const slow: ApiDeps = { ...w.first, webTurns };
    const chat = await visitor(slow).chat.start({ agentId: "dr_recover" });
    holdTheModel();
    const sent = visitor(slow).chat.send({ ...chat, content: "A long question" });
    await waitUntil(() => w.held === 1);
    w.answerNewCalls();
    const second = restart();
    setTimeout(w.releaseHeld, 7_000);
    expect((await sent).reply?.content).toMatch(/^Reply #1/);
    await second.workers.settled();
    expect(await agentReplies(second.deps, chat.conversationId)).toHaveLength(1);
    expect(chatCalls()).toHaveLength(1);
    await webTurns.stop();
  }, 20_000);
});

describe("a graceful stop", () => {
  it("lets a turn that ends before the deadline finish in the stopping process", async () => {
    w.fake.setLatency(200);
    const chat = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    const sent = visitor(w.first).chat.send({ ...chat, content: "Price of a cleaning?" });
    await waitUntil(() => chatCalls().length === 1);
    await w.stopFirst(Date.now() + 5_000);
    expect((await sent).reply?.content).toMatch(/^Reply #1/);

    const second = restart();
    await second.workers.settled();
    expect(await agentReplies(second.deps, chat.conversationId)).toHaveLength(1);
    expect(chatCalls()).toHaveLength(1);
  });

  it("stores a message that arrives while stopping and leaves its turn to the next process", async () => {
    const busy = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    const late = await visitor(w.first).chat.start({ agentId: "dr_recover" });
    holdTheModel();
    await sendHeld({ ...busy, content: "First question" });
    const stopped = w.stopFirst(Date.now() + 60_000);
    const sent = visitor(w.first).chat.send({ ...late, content: "Anyone there?" });
    sent.catch(() => undefined);
    // Answered at once (no turn runs here); an upper bound, not a race: it takes milliseconds.
    const outcome = await Promise.race([sent, sleep(3_000).then(() => "still waiting" as const)]);
    expect(outcome).not.toBe("still waiting");
    expect(outcome !== "still waiting" && outcome.reply).toBeNull();
    expect(chatCalls()).toHaveLength(1);
    w.releaseHeld();
    w.answerNewCalls();
    await stopped;

    const second = await w.recover(late.conversationId);
    expect(await agentReplies(second.deps, late.conversationId)).toHaveLength(1);
    expect(await agentReplies(second.deps, busy.conversationId)).toHaveLength(1);
    expect(chatCalls()).toHaveLength(2);
  });
});
