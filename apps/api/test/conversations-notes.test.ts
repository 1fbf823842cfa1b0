import type { FakeOpenAI } from "@agents-crm/ai/testing";
import type { SuggestionEvent } from "@agents-crm/config/copilot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent, modelAnswer, startFakeLlm, subscribe, waitUntil } from "./helpers/chat-kit";
import { auditOf, failure } from "./helpers/router-kit";
import { createTestDeps } from "./helpers/test-api";

/** A word only the notes hold: wherever the customer or a model could see it, it must not be. */
const SECRET = "Zanzibarnote";

let deps: ApiDeps;
let fake: FakeOpenAI;
let anna: Staff;
let boris: Staff;
const as = (who: Staff) => callerAs(deps, who, { requestId: `req-${who.id}` });
const visitor = () => callerAs(deps, { kind: "anonymous" });
const chatPrompts = () =>
  fake.requests.flatMap((r) => (r.chat ? [JSON.stringify(r.chat.messages)] : []));

beforeAll(async () => {
  const started = await startFakeLlm({ responder: () => modelAnswer("We open at nine.") });
  fake = started.fake;
  deps = await createTestDeps({}, started.llm);
  await createAgent(deps, "dr_notes");
  anna = principalOf(await seedUser(deps, { role: "operator", name: "Anna Smirnova" }));
  boris = principalOf(await seedUser(deps, { role: "admin", name: "Boris" }));
  await seedUser(deps, { role: "operator", name: "Gone Away", isActive: false });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await fake.close();
});

/** A web chat the AI answered once. */
async function answeredChat() {
  const chat = await visitor().chat.start({ agentId: "dr_notes" });
  await visitor().chat.send({ ...chat, content: "When do you open?" });
  await waitUntil(async () =>
    (await deps.repos.messages.lastN(chat.conversationId, 10)).some((m) => m.role === "agent"),
  );
  return chat;
}

describe("adding, editing and deleting notes", () => {
  it("adds a note for staff: in the transcript with its author and mentions, live, audited, the row untouched", async () => {
    const chat = await answeredChat();
    const before = await deps.repos.conversations.get(chat.conversationId);
    const admin = await subscribe<AdminEvent>(deps, boris, (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 1);

    const { message } = await as(anna).conversations.addNote({
      conversationId: chat.conversationId,
      content: `  Called her back, ${SECRET}. @boris please check @Gone Away and @nobody  `,
    });
    expect(message).toMatchObject({
      role: "note",
      authorId: anna.id,
      content: `Called her back, ${SECRET}. @boris please check @Gone Away and @nobody`,
      metadata: { authorName: "Anna Smirnova", mentions: [boris.id] },
    });
    expect(message.deliveryStatus).toBeUndefined();

    const transcript = await as(boris).conversations.messages({
      conversationId: chat.conversationId,
    });
    expect(transcript.items.map((m) => m.role)).toEqual(["user", "agent", "note"]);

    const [entry] = await auditOf(deps, chat.conversationId);
    expect(entry).toMatchObject({
      action: "note.add",
      actorId: anna.id,
      actorName: "Anna Smirnova",
      requestId: `req-${anna.id}`,
      newValue: { messageId: message.messageId, mentions: [boris.id] },
    });
    expect(JSON.stringify(entry)).not.toContain(SECRET);

    await waitUntil(() => admin.items.some((i) => i.data.type === "message.created"));
    expect(admin.items.find((i) => i.data.type === "message.created")?.data).toMatchObject({
      payload: { message: { messageId: message.messageId, role: "note" } },
    });
    await admin.stop();

    const after = await deps.repos.conversations.get(chat.conversationId);
    expect(after?.status).toBe(before?.status);
    expect(after?.lastMessagePreview).toBe(before?.lastMessagePreview);
    expect(after?.lastMessagePreview).not.toContain(SECRET);
  });

  it("lets only the author edit or delete a note (FORBIDDEN for a colleague), audited; a deleted note stays as a tombstone", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_notes" });
    const id = chat.conversationId;
    const { message } = await as(anna).conversations.addNote({ conversationId: id, content: "v1" });
    const ref = { conversationId: id, messageId: message.messageId };

    const refused = await failure(as(boris).conversations.updateNote({ ...ref, content: "mine" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("only the note's author");
    expect((await failure(as(boris).conversations.deleteNote(ref))).code).toBe("FORBIDDEN");

    const admin = await subscribe<AdminEvent>(deps, boris, (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 1);
    const edited = await as(anna).conversations.updateNote({ ...ref, content: "v2 @Boris" });
    expect(edited.message).toMatchObject({
      content: "v2 @Boris",
      metadata: { mentions: [boris.id] },
    });
    expect(edited.message.metadata.editedAt).toEqual(expect.any(String));
    await waitUntil(() => admin.items.some((i) => i.data.type === "message.updated"));
    expect(admin.items.find((i) => i.data.type === "message.updated")?.data).toMatchObject({
      payload: {
        message: { messageId: message.messageId, content: "v2 @Boris" },
        mentioned: [boris.id],
      },
    });
    await admin.stop();

    const deleted = await as(anna).conversations.deleteNote(ref);
    expect(deleted.message).toMatchObject({
      role: "note",
      content: "",
      authorId: anna.id,
      metadata: { authorName: "Anna Smirnova" },
    });
    expect(deleted.message.metadata.deletedAt).toEqual(expect.any(String));
    expect(deleted.message.metadata.mentions).toBeUndefined();
    const transcript = await as(anna).conversations.messages({ conversationId: id });
    expect(transcript.items).toEqual([deleted.message]);

    const again = await failure(as(anna).conversations.updateNote({ ...ref, content: "back" }));
    expect(again.code).toBe("PRECONDITION_FAILED");

    const entries = await auditOf(deps, id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["note.delete", anna.id],
      ["note.update", anna.id],
      ["note.add", anna.id],
    ]);
  });

  it("finds no note behind a customer's or agent's message id, an unknown id or conversation (NOT_FOUND)", async () => {
    const chat = await answeredChat();
    const [customer] = await deps.repos.messages.lastN(chat.conversationId, 1);
    const cases = [
      { conversationId: chat.conversationId, messageId: customer?.messageId ?? "" },
      { conversationId: chat.conversationId, messageId: "01JUNKNOWNMESSAGE000000000" },
      { conversationId: "no-such-conversation", messageId: "01JUNKNOWNMESSAGE000000000" },
    ];
    for (const ref of cases) {
      expect((await failure(as(anna).conversations.deleteNote(ref))).code).toBe("NOT_FOUND");
      expect(
        (await failure(as(anna).conversations.updateNote({ ...ref, content: "x" }))).code,
      ).toBe("NOT_FOUND");
    }
    expect(
      (await failure(as(anna).conversations.addNote({ conversationId: "nope", content: "x" })))
        .code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await failure(
          as(anna).conversations.addNote({ conversationId: chat.conversationId, content: "   " }),
        )
      ).paths,
    ).toEqual(["content"]);
  });

  it("lists the active staff a note can mention", async () => {
    const staff = await as(anna).conversations.mentionable();
    expect(staff).toEqual(
      expect.arrayContaining([
        { userId: anna.id, name: "Anna Smirnova" },
        { userId: boris.id, name: "Boris" },
      ]),
    );
    expect(staff.map((s) => s.name)).not.toContain("Gone Away");
  });
});

describe("a note never reaches the customer or a model", () => {
  it("is not in chat.history, the visitor's live events, the next turn's prompt, the copilot's prompt or stats; staff search finds it", async () => {
    const chat = await answeredChat();
    const events = await subscribe<ChatEvent>(deps, null, (c) => c.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() >= 1);
    const statsBefore = await as(boris).stats.summary({ period: "today" });

    await as(anna).conversations.addNote({
      conversationId: chat.conversationId,
      content: `Insurance ${SECRET} is not accepted, tell her gently`,
    });
    fake.reset();
    await visitor().chat.send({ ...chat, content: "Do you accept my insurance?" });
    await waitUntil(
      async () =>
        (await deps.repos.messages.lastN(chat.conversationId, 10)).filter((m) => m.role === "agent")
          .length === 2,
    );
    expect(chatPrompts().length).toBeGreaterThan(0);
    for (const prompt of chatPrompts()) {
      expect(prompt).toContain("When do you open?");
      expect(prompt).not.toContain(SECRET);
    }

    const history = await visitor().chat.history(chat);
    expect(history.items.map((m) => m.role)).toEqual(["user", "agent", "user", "agent"]);
    expect(JSON.stringify(history)).not.toContain(SECRET);
    await waitUntil(() => events.items.length >= 2);
    expect(JSON.stringify(events.items)).not.toContain(SECRET);
    await events.stop();

    fake.reset();
    fake.setResponder(() => ({ content: "Sure.", chunks: ["Sure."] }));
    const draft = await subscribe<SuggestionEvent>(deps, anna, (c) =>
      c.conversations.suggestReply({ conversationId: chat.conversationId }),
    );
    await waitUntil(() => draft.items.some((i) => i.data.type === "done"));
    await draft.stop();
    expect(chatPrompts()).toHaveLength(1);
    expect(chatPrompts()[0]).toContain("Do you accept my insurance?");
    expect(chatPrompts()[0]).not.toContain(SECRET);

    const note = (
      await as(anna).conversations.messages({ conversationId: chat.conversationId })
    ).items.find((m) => m.role === "note");
    const translate = await failure(
      as(anna).conversations.translate({
        conversationId: chat.conversationId,
        messageId: note?.messageId ?? "",
        to: "en",
      }),
    );
    expect(translate.code).toBe("NOT_FOUND");

    // Staff search reads notes (staff-only, like the transcript that shows them): the row, not the note.
    const found = await as(anna).conversations.list({ search: SECRET });
    expect(found.items.map((c) => c.conversationId)).toContain(chat.conversationId);
    expect(JSON.stringify(found)).not.toContain(SECRET);

    const stats = await as(boris).stats.summary({ period: "today" });
    expect(stats.messages.total - statsBefore.messages.total).toBe(2);
    expect(Object.keys(stats.messages.byRole)).not.toContain("note");
  });
});
