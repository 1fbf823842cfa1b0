import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, operator, subscribe, waitUntil } from "./helpers/chat-kit";
import { auditOf, failure } from "./helpers/router-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
const staff = () => callerAs(deps, operator, { requestId: "req-resolve" });
const visitor = () => callerAs(deps, { kind: "anonymous" });
const AGENT = "dr_resolve";

beforeAll(async () => {
  deps = await createTestDeps({ ESCALATION_REALERT_MINUTES: "15" });
  await createAgent(deps, AGENT);
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

async function waiting(minutesAgo = 1, agentId = AGENT) {
  const chat = await visitor().chat.start({ agentId });
  await deps.repos.conversations.update(chat.conversationId, {
    status: "NEEDS_HUMAN",
    handoffReason: "Wants a human",
    escalationType: "custom",
    needsHumanSince: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  });
  return chat;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000);

describe("conversations.resolve", () => {
  it("resolves a waiting conversation: resolvedAt, audited with the actor, announced; twice is refused", async () => {
    const chat = await waiting();
    const admin = await subscribe<AdminEvent>(deps, operator, (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 1);
    const row = await staff().conversations.resolve({ conversationId: chat.conversationId });
    expect(row.status).toBe("RESOLVED");
    expect(Date.parse(row.resolvedAt ?? "")).toBeGreaterThan(Date.now() - 10_000);
    expect(row.needsHumanSince).toBeUndefined();
    const [entry] = await auditOf(deps, chat.conversationId);
    expect(entry).toMatchObject({
      action: "resolve",
      actorId: operator.id,
      requestId: "req-resolve",
      oldValue: { status: "NEEDS_HUMAN" },
      newValue: { status: "RESOLVED" },
    });
    await waitUntil(() => admin.items.some((e) => e.data.type === "conversation.updated"));
    expect(admin.items.at(-1)?.data).toMatchObject({
      type: "conversation.updated",
      payload: { change: "resolved", actorId: operator.id },
    });
    await admin.stop();
    expect(
      await failure(staff().conversations.resolve({ conversationId: chat.conversationId })),
    ).toMatchObject({ code: "PRECONDITION_FAILED", message: "Conversation is resolved" });
    expect((await staff().conversations.counts({ agentId: AGENT })).RESOLVED).toBeGreaterThan(0);
  });

  it("resolves from the AI and from a human; a closed conversation stays closed", async () => {
    const ai = await visitor().chat.start({ agentId: AGENT });
    expect((await staff().conversations.resolve(ai)).status).toBe("RESOLVED");
    const human = await waiting();
    await staff().conversations.handoff(human);
    expect((await staff().conversations.resolve(human)).status).toBe("RESOLVED");
    const closed = await visitor().chat.start({ agentId: AGENT });
    await staff().conversations.close(closed);
    expect(await failure(staff().conversations.resolve(closed))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("a customer message in the web chat reopens it to the AI, which answers (the system's reopen)", async () => {
    const chat = await waiting();
    await staff().conversations.resolve(chat);
    const events = await subscribe<ChatEvent>(deps, null, (c) => c.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() >= 1);
    const out = await visitor().chat.send({ ...chat, content: "One more question, please" });
    expect(out.status).toBe("AI_ACTIVE");
    expect(out.reply).not.toBeNull();
    const row = await deps.repos.conversations.get(chat.conversationId);
    expect(row).toMatchObject({ status: "AI_ACTIVE" });
    expect(row?.resolvedAt).toBeDefined();
    const [reopen] = await auditOf(deps, chat.conversationId);
    expect(reopen).toMatchObject({
      action: "reopen",
      actorId: "system",
      oldValue: { status: "RESOLVED" },
      newValue: { status: "AI_ACTIVE" },
    });
    await waitUntil(() => events.items.some((e) => e.data.type === "status"));
    expect(events.items.find((e) => e.data.type === "status")?.data).toMatchObject({
      payload: { status: "AI_ACTIVE", notice: "reopened" },
    });
    await events.stop();
  });

  it("a closed web chat still refuses the customer", async () => {
    const chat = await visitor().chat.start({ agentId: AGENT });
    await staff().conversations.close(chat);
    expect(await failure(visitor().chat.send({ ...chat, content: "Hello?" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});

describe("conversations.snooze", () => {
  it("refuses a time in the past, past 90 days, or not a time, with a 400 on `until`", async () => {
    const chat = await waiting();
    for (const until of [new Date(Date.now() - 60_000), hoursFromNow(91 * 24), "soon"]) {
      const error = await failure(
        staff().conversations.snooze({ conversationId: chat.conversationId, until }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.paths.concat(error.message)).toEqual(
        expect.arrayContaining([expect.stringMatching(/until/)]),
      );
    }
    const ai = await visitor().chat.start({ agentId: AGENT });
    expect(
      await failure(staff().conversations.snooze({ ...ai, until: hoursFromNow(2) })),
    ).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("takes it out of the needs-human list and count until the customer writes; audited", async () => {
    const agentId = "dr_snooze";
    await createAgent(deps, agentId);
    const chat = await waiting(1, agentId);
    const until = hoursFromNow(3);
    const row = await staff().conversations.snooze({ conversationId: chat.conversationId, until });
    expect(row.snoozedUntil).toBe(until.toISOString());
    const counts = await staff().conversations.counts({ agentId });
    expect(counts).toMatchObject({ NEEDS_HUMAN: 0, SNOOZED: 1 });
    const queue = await staff().conversations.list({ agentId, status: "NEEDS_HUMAN" });
    expect(queue.items).toHaveLength(0);
    const snoozed = await staff().conversations.list({ agentId, snoozed: true });
    expect(snoozed.items.map((c) => c.conversationId)).toEqual([chat.conversationId]);
    // Still in the inbox, among the others.
    const inbox = await staff().conversations.list({ agentId });
    expect(inbox.items.map((c) => c.conversationId)).toContain(chat.conversationId);
    expect((await auditOf(deps, chat.conversationId))[0]).toMatchObject({
      action: "snooze",
      actorId: operator.id,
      newValue: { snoozedUntil: until.toISOString() },
    });

    const admin = await subscribe<AdminEvent>(deps, operator, (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 1);
    await visitor().chat.send({ ...chat, content: "Are you there?" });
    const woken = await deps.repos.conversations.get(chat.conversationId);
    expect(woken).toMatchObject({ status: "NEEDS_HUMAN" });
    expect(woken?.snoozedUntil).toBeUndefined();
    expect(await staff().conversations.counts({ agentId })).toMatchObject({
      NEEDS_HUMAN: 1,
      SNOOZED: 0,
    });
    await waitUntil(() =>
      admin.items.some(
        (e) => e.data.type === "conversation.updated" && e.data.payload.change === "snooze_ended",
      ),
    );
    await admin.stop();
  });

  it("a snooze whose time passed comes back with a reminder on the next sweep; null wakes it at once", async () => {
    const chat = await waiting(1);
    await staff().conversations.snooze({ ...chat, until: hoursFromNow(1) });
    await deps.repos.conversations.update(chat.conversationId, {
      snoozedUntil: new Date(Date.now() - 1_000).toISOString(),
    });
    const seen: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => seen.push(event));
    await deps.alerts.sweep();
    await deps.alerts.drain();
    unsubscribe();
    expect((await deps.repos.conversations.get(chat.conversationId))?.snoozedUntil).toBeUndefined();
    const about = seen.filter(
      (e) =>
        (e.payload as { conversation?: { conversationId: string } }).conversation
          ?.conversationId === chat.conversationId,
    );
    expect(about.map((e) => e.type)).toEqual(["conversation.updated", "conversation.escalated"]);
    expect(about[1]?.payload).toMatchObject({ realert: true });

    const again = await waiting(1);
    await staff().conversations.snooze({ ...again, until: hoursFromNow(1) });
    const back = await staff().conversations.snooze({ ...again, until: null });
    expect(back.snoozedUntil).toBeUndefined();
  });

  it("a conversation waiting past the re-alert time is reminded once when its snooze ends, not again on the next sweep", async () => {
    const chat = await waiting(120);
    await staff().conversations.snooze({ ...chat, until: hoursFromNow(1) });
    await deps.repos.conversations.update(chat.conversationId, {
      snoozedUntil: new Date(Date.now() - 1_000).toISOString(),
    });
    const escalated: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => {
      const about = (event.payload as { conversation?: { conversationId: string } }).conversation;
      if (event.type === "conversation.escalated" && about?.conversationId === chat.conversationId)
        escalated.push(event);
    });
    for (let sweep = 0; sweep < 3; sweep++) {
      await deps.alerts.sweep();
      await deps.alerts.drain();
    }
    unsubscribe();
    expect(escalated).toHaveLength(1);
  });

  it("a take-over ends the snooze", async () => {
    const chat = await waiting(1);
    await staff().conversations.snooze({ ...chat, until: hoursFromNow(1) });
    const row = await staff().conversations.handoff(chat);
    expect(row.snoozedUntil).toBeUndefined();
  });
});

describe("re-alerts stop", () => {
  it("for conversations resolved, taken over, snoozed or moved to a final stage", async () => {
    const agentId = "dr_quiet_desk";
    await createAgent(deps, agentId);
    const stale = await waiting(30, agentId);
    const resolved = await waiting(30, agentId);
    const taken = await waiting(30, agentId);
    const snoozed = await waiting(30, agentId);
    const booked = await waiting(30, agentId);
    const rejected = await waiting(30, agentId);
    await staff().conversations.resolve(resolved);
    await staff().conversations.handoff(taken);
    await staff().conversations.snooze({ ...snoozed, until: hoursFromNow(1) });
    await staff().conversations.setStage({ ...booked, stage: "BOOKED" });
    await staff().conversations.setStage({
      ...rejected,
      stage: "REJECTED",
      rejectionReason: "Went elsewhere",
    });

    const seen: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => seen.push(event));
    await deps.alerts.sweep();
    await deps.alerts.drain();
    unsubscribe();
    const realerted = seen
      .filter((e) => e.type === "conversation.escalated")
      .map((e) => (e.payload as { conversation: { conversationId: string } }).conversation)
      .filter((c) => (c as { agentId?: string }).agentId === agentId)
      .map((c) => c.conversationId);
    expect(realerted).toEqual([stale.conversationId]);
  });

  it("a final stage is a stage property: Booked and Rejected by default", async () => {
    const pipeline = await staff().stages.list();
    expect(pipeline.items.filter((s) => s.final).map((s) => s.id)).toEqual(["BOOKED", "REJECTED"]);
  });

  it("pipelines saved before `final` existed get it on Booked and Rejected", async () => {
    const legacy = await createTestDeps();
    try {
      const { DEFAULT_PIPELINE_STAGES } = await import("@agents-crm/config/pipeline");
      const stages = DEFAULT_PIPELINE_STAGES.map(({ final: _final, ...stage }) => stage);
      await legacy.repos.settings.put("pipeline.stages", { stages }, { expectedVersion: 0 });
      const pipeline = await callerAs(legacy, operator).stages.list();
      expect(pipeline.items.filter((s) => s.final).map((s) => s.id)).toEqual([
        "BOOKED",
        "REJECTED",
      ]);
    } finally {
      await closeConversationRuntime(legacy);
      await legacy.db.close();
    }
  });
});
