import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation } from "../src/schemas/conversation";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock();
let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 3, messageTtlHours: 48 });
});
afterAll(() => t.close());

async function conversationWith(customerSays: string): Promise<Conversation> {
  clock.advance(1000);
  const conversation = await t.repos.conversations.create({
    agentId: "agent-1",
    channel: "web_chat",
  });
  await say(conversation, "user", customerSays);
  return conversation;
}

async function say(conversation: Conversation, role: "user" | "note", content: string) {
  clock.advance(10);
  return t.repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role,
    content,
    channel: "web_chat",
    ...(role === "note" ? { authorId: "staff-1", metadata: { authorName: "Anna" } } : {}),
  });
}

const rewrite = (conversation: Conversation, messageId: string, content: string) =>
  t.repos.messages.updateNote(conversation.conversationId, messageId, "staff-1", {
    content,
    metadata: { authorName: "Anna" },
  });

const hits = async (query: string) =>
  (await t.repos.searchIndex.searchConversations(query, { limit: 50 })).items;

describe("a note's words follow its text", () => {
  it("an edit takes out the words it removed and adds the new ones; words another message holds stay", async () => {
    const conversation = await conversationWith("my tooth hurts near the molar");
    const note = await say(conversation, "note", "Pelargonium allergy, molar extraction");
    expect(await hits("pelargonium")).toEqual([conversation.conversationId]);

    await rewrite(conversation, note.messageId, "Penicillin allergy, molar extraction");

    expect(await hits("pelargonium")).toEqual([]);
    expect(await hits("pelarg")).toEqual([]);
    expect(await hits("penicillin")).toEqual([conversation.conversationId]);
    // "molar" is the customer's word too, and the conversation keeps its own ids.
    expect(await hits("molar")).toEqual([conversation.conversationId]);
    expect(await hits(conversation.conversationId)).toEqual([conversation.conversationId]);
  });

  it("a deleted note's words find nothing; a later message with one of them is found again", async () => {
    const conversation = await conversationWith("hello there");
    const note = await say(conversation, "note", "Quarantined Zephyrine");
    expect(await hits("zephyrine")).toEqual([conversation.conversationId]);

    await rewrite(conversation, note.messageId, "");

    expect(await hits("zephyrine")).toEqual([]);
    expect(await hits("quarantined")).toEqual([]);
    expect(await hits("hello")).toEqual([conversation.conversationId]);

    // The index had claimed the word as written; the claim went with it, so it is written again.
    await say(conversation, "user", "Zephyrine is my sister");
    expect(await hits("zephyrine")).toEqual([conversation.conversationId]);
  });

  it("removing a conversation afterwards still leaves nothing of it", async () => {
    const conversation = await conversationWith("gingivitis worries");
    const note = await say(conversation, "note", "Periodontist Tarkovsky");
    await rewrite(conversation, note.messageId, "Periodontist Bergman");
    await t.repos.searchIndex.removeConversation(conversation.conversationId);
    for (const word of ["gingivitis", "tarkovsky", "bergman", conversation.conversationId]) {
      expect(await hits(word)).toEqual([]);
    }
  });
});

describe("a conversation's names follow its contact", () => {
  it("replaceNames drops the names the contact no longer has, keeping words its messages hold", async () => {
    const conversation = await conversationWith("this is Ksenia writing");
    await t.repos.searchIndex.indexConversation(conversation, {
      names: ["Ksenia Volkova", "+79123456789"],
    });
    expect(await hits("volkova")).toEqual([conversation.conversationId]);

    await t.repos.searchIndex.indexConversation(conversation, {
      names: ["Oksana Petrova", "+79123456789"],
      replaceNames: true,
    });

    expect(await hits("volkova")).toEqual([]);
    expect(await hits("petrova")).toEqual([conversation.conversationId]);
    expect(await hits("+7 912 345-67-89")).toEqual([conversation.conversationId]);
    // The customer wrote "Ksenia" herself: that stays findable.
    expect(await hits("ksenia")).toEqual([conversation.conversationId]);
  });
});
