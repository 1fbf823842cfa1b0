import type { FakeChatRequest, FakeOpenAI } from "@agents-crm/ai/testing";
import type { SuggestionEvent } from "@agents-crm/config/copilot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, operator, startFakeLlm, subscribe, waitUntil } from "./helpers/chat-kit";
import { auditOf, failure } from "./helpers/router-kit";
import { createTestDeps } from "./helpers/test-api";

const PARKING = {
  id: "parking",
  title: "Parking",
  content:
    "Free parking for patients is behind the clinic on Baker Street, entrance from the yard.",
};
const KNOWLEDGE = { rag: { enabled: true, sources: [PARKING] } };

async function seedConversation(deps: ApiDeps, agentId: string) {
  const conversation = await deps.repos.conversations.create({
    agentId,
    channel: "telegram",
    externalUserId: `tg-${Math.random().toString(36).slice(2)}`,
    status: "NEEDS_HUMAN",
  });
  const id = conversation.conversationId;
  const append = (role: "user" | "agent" | "admin", content: string, authorName?: string) =>
    deps.repos.messages.append({
      conversationId: id,
      agentId,
      role,
      content,
      channel: "telegram",
      ...(authorName ? { metadata: { authorName } } : {}),
    });
  const first = await append("user", "Hallo! Was kostet eine Zahnreinigung?");
  await append("agent", "A cleaning costs 80 EUR.");
  await append("admin", "We also have a slot on Friday.", "Anna Admin");
  const last = await append("user", "Is parking free near the clinic?");
  return { conversationId: id, firstMessageId: first.messageId, lastMessageId: last.messageId };
}

/** How a subscription's failure reads to a client. */
const refusal = (error: unknown) =>
  failure(Promise.reject(error instanceof Error ? error : new Error(String(error))));

/** Reads a suggestion to its end (or its failure) through the router, as the console's socket would. */
async function suggestion(deps: ApiDeps, conversationId: string, draft?: string) {
  const sub = await subscribe<SuggestionEvent>(deps, operator, (c) =>
    c.conversations.suggestReply({ conversationId, ...(draft ? { draft } : {}) }),
  );
  await waitUntil(
    () => sub.failure !== null || sub.items.some((item) => item.data.type === "done"),
  );
  await sub.stop();
  return sub;
}

describe("copilot with a model (the fake OpenAI server)", () => {
  let deps: ApiDeps;
  let fake: FakeOpenAI;
  const staff = () => callerAs(deps, operator);
  const chatRequests = () =>
    fake.requests.flatMap((r): FakeChatRequest[] => (r.chat ? [r.chat] : []));

  beforeAll(async () => {
    const started = await startFakeLlm();
    fake = started.fake;
    deps = await createTestDeps({}, started.llm);
    await createAgent(deps, "dr_copilot", KNOWLEDGE);
    await deps.knowledge.indexAgent("dr_copilot", [PARKING]);
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await closeConversationRuntime(deps);
    await deps.db.close();
    await fake.close();
  });

  it("streams a draft from one plain-text chat call over the whole conversation, staff turns and knowledge included, and stores nothing", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    fake.setResponder(() => ({
      content: "Yes, **parking** is free behind the clinic on Baker Street.",
      chunks: ["Yes, **parking** ", "is free behind ", "the clinic on Baker Street."],
    }));
    const before = (await deps.repos.messages.lastN(conversationId, 50)).length;

    const sub = await suggestion(deps, conversationId);

    expect(sub.failure).toBeNull();
    const events = sub.items.map((item) => item.data);
    expect(events[0]).toEqual({ type: "start", offline: false, model: "gpt-4o-mini" });
    const deltas = events.flatMap((e) => (e.type === "delta" ? [e.text] : []));
    expect(deltas).toEqual(["Yes, **parking** ", "is free behind ", "the clinic on Baker Street."]);
    expect(events.at(-1)).toEqual({
      type: "done",
      text: "Yes, parking is free behind the clinic on Baker Street.",
      sources: [{ sourceId: "parking", title: "Parking" }],
    });
    expect(sub.items.map((item) => item.id)).toEqual(events.map((_, i) => String(i + 1)));

    const [request] = chatRequests();
    expect(chatRequests()).toHaveLength(1);
    expect(request?.stream).toBe(true);
    expect(request?.responseFormat).toBeNull();
    const prompt = request?.messages.map((m) => m.content).join("\n") ?? "";
    expect(prompt).toContain('<message from="customer">\nHallo! Was kostet eine Zahnreinigung?');
    expect(prompt).toContain('<message from="staff" name="Anna Admin">\nWe also have a slot');
    expect(prompt).toContain("Baker Street, entrance from the yard.");
    expect((await deps.repos.messages.lastN(conversationId, 50)).length).toBe(before);

    const [entry] = await auditOf(deps, conversationId);
    expect(entry).toMatchObject({
      action: "suggest_reply",
      actorId: operator.id,
      metadata: { model: "gpt-4o-mini", offline: false },
    });
    expect(entry?.metadata?.totalTokens).toBeGreaterThan(0);
    expect(JSON.stringify(entry)).not.toContain("Baker Street");
  });

  it("improves a started draft", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    await suggestion(deps, conversationId, "parking yes free");
    expect(chatRequests()[0]?.lastUserMessage).toContain("<staff_draft>\nparking yes free");
  });

  it("stops the model call when the console unsubscribes, and records the suggestion as stopped", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    fake.setLatency(3_000, { endpoint: "chat", spreadAcrossChunks: true });
    fake.setResponder(() => ({ content: "one two three four five six seven eight nine ten" }));
    const sub = await subscribe<SuggestionEvent>(deps, operator, (c) =>
      c.conversations.suggestReply({ conversationId }),
    );
    await waitUntil(() => sub.items.some((item) => item.data.type === "delta"));
    const stoppedAt = Date.now();
    await sub.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect(sub.items.some((item) => item.data.type === "done")).toBe(false);
    await waitUntil(async () => (await auditOf(deps, conversationId)).length > 0);
    expect((await auditOf(deps, conversationId))[0]?.metadata).toMatchObject({ stopped: true });
  });

  it("reports a failing model as BAD_GATEWAY without its text", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    fake.failNext(1, 500, { error: { message: "secret upstream detail" } }, {}, "chat");
    const sub = await suggestion(deps, conversationId);
    const error = await refusal(sub.failure);
    expect(error.code).toBe("BAD_GATEWAY");
    expect(error.message).not.toContain("secret upstream detail");
  });

  it("translates a customer's message into the staff member's language", async () => {
    const { conversationId, firstMessageId } = await seedConversation(deps, "dr_copilot");
    fake.setResponder(() => ({
      json: {
        source_language: "de",
        target_language: "ru",
        translation: "Здравствуйте! Сколько стоит чистка зубов?",
      },
    }));
    const result = await staff().conversations.translate({
      conversationId,
      messageId: firstMessageId,
      to: "ru",
    });
    expect(result).toEqual({
      text: "Здравствуйте! Сколько стоит чистка зубов?",
      from: "de",
      to: "ru",
      messageId: firstMessageId,
    });
    const request = chatRequests()[0];
    expect(request?.responseFormat).toMatchObject({ type: "json_schema", name: "translation" });
    expect(request?.lastUserMessage).toContain("Target language: ru.");
    expect(request?.lastUserMessage).toContain("Hallo! Was kostet eine Zahnreinigung?");
    const [entry] = await auditOf(deps, conversationId);
    expect(entry).toMatchObject({
      action: "translate",
      metadata: { from: "de", to: "ru", messageId: firstMessageId },
    });
  });

  it("translates a staff draft into the customer's language, judged from their messages", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    fake.setResponder(() => ({
      json: { source_language: "en", target_language: "DE", translation: "Bis Freitag!" },
    }));
    const result = await staff().conversations.translate({
      conversationId,
      text: "See you on Friday!",
      to: "customer",
    });
    expect(result).toMatchObject({ text: "Bis Freitag!", from: "en", to: "de", messageId: null });
    const prompt = chatRequests()[0]?.lastUserMessage ?? "";
    expect(prompt).toContain("<customer_messages>\nHallo! Was kostet eine Zahnreinigung?");
    expect(prompt).toContain("<text>\nSee you on Friday!\n</text>");
  });

  it("refuses a malformed translation as BAD_GATEWAY", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    fake.setResponder(() => ({ json: { nope: true } }));
    const error = await failure(
      staff().conversations.translate({ conversationId, text: "Hi", to: "ru" }),
    );
    expect(error.code).toBe("BAD_GATEWAY");
  });

  it("refuses hostile input with 4xx naming the field", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    const bad = async (input: Record<string, unknown>) =>
      failure(staff().conversations.translate({ conversationId, to: "ru", ...input }));
    expect(await bad({ text: "x".repeat(10_001) })).toMatchObject({
      code: "BAD_REQUEST",
      paths: ["text"],
    });
    expect(await bad({ text: "Hi", messageId: "m1" })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await bad({})).toMatchObject({ code: "BAD_REQUEST", paths: ["messageId"] });
    expect(await bad({ text: "Hi", to: "ru; drop table" })).toMatchObject({
      code: "BAD_REQUEST",
      paths: ["to"],
    });
    expect(await bad({ messageId: "01NOPE" })).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await failure(
        staff().conversations.translate({ conversationId: "missing", text: "Hi", to: "ru" }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(chatRequests()).toHaveLength(0);
  });

  it("refuses to draft for a closed conversation", async () => {
    const { conversationId } = await seedConversation(deps, "dr_copilot");
    await deps.repos.conversations.update(conversationId, { status: "CLOSED" });
    const sub = await suggestion(deps, conversationId);
    expect((await refusal(sub.failure)).code).toBe("PRECONDITION_FAILED");
    expect(chatRequests()).toHaveLength(0);
  });
});

describe("copilot offline (no model configured)", () => {
  let deps: ApiDeps;
  const staff = () => callerAs(deps, operator);

  beforeAll(async () => {
    deps = await createTestDeps();
    await createAgent(deps, "dr_offline", KNOWLEDGE);
    await deps.knowledge.indexAgent("dr_offline", [PARKING]);
  });
  afterAll(async () => {
    await closeConversationRuntime(deps);
    await deps.db.close();
  });

  it("drafts with the offline model from the knowledge base, in pieces", async () => {
    const { conversationId } = await seedConversation(deps, "dr_offline");
    const sub = await suggestion(deps, conversationId);
    const events = sub.items.map((item) => item.data);
    expect(events[0]).toEqual({ type: "start", offline: true, model: "offline" });
    const done = events.at(-1);
    expect(done?.type).toBe("done");
    const text = done?.type === "done" ? done.text : "";
    expect(text).toContain("Baker Street");
    expect(
      events
        .filter((e) => e.type === "delta")
        .map((e) => e.type === "delta" && e.text)
        .join(""),
    ).toBe(text);
    expect((await auditOf(deps, conversationId))[0]?.metadata).toMatchObject({ offline: true });
  });

  it("refuses translation with a clear precondition, before reading anything", async () => {
    const error = await failure(
      staff().conversations.translate({ conversationId: "any", text: "Hello", to: "ru" }),
    );
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(error.message).toContain("Translation needs a configured model");
  });

  it("limits each account to its copilot budget per minute", async () => {
    const { conversationId } = await seedConversation(deps, "dr_offline");
    const limited = { ...operator, id: "user-busy-operator" } as typeof operator;
    let refused: { code: string } | null = null;
    for (let call = 0; call < 25 && !refused; call += 1) {
      const sub = await subscribe<SuggestionEvent>(deps, limited, (c) =>
        c.conversations.suggestReply({ conversationId }),
      );
      await waitUntil(
        () => sub.failure !== null || sub.items.some((item) => item.data.type === "done"),
      );
      await sub.stop();
      if (sub.failure) refused = await refusal(sub.failure);
    }
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
