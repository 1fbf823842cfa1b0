import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let anna: Staff;
const as = (who: Staff) => callerAs(deps, who, { requestId: `req-${who.id}` });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_search_edits");
  anna = principalOf(await seedUser(deps, { role: "operator", name: "Anna" }));
});
afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

const inbox = async (search: string) =>
  (await as(anna).conversations.list({ search })).items.map((row) => row.conversationId);
const people = async (search: string) =>
  (await as(anna).contacts.list({ search })).items.map((row) => row.contactId);

describe("search after staff change what it was found by", () => {
  it("an edited note stops finding the conversation by the words it lost; a deleted one by all of its words", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_search_edits" });
    const { message } = await as(anna).conversations.addNote({
      conversationId: chat.conversationId,
      content: "Patient mentioned Hydrocortisone and Lisinopril",
    });
    expect(await inbox("hydrocortisone")).toEqual([chat.conversationId]);

    const ref = { conversationId: chat.conversationId, messageId: message.messageId };
    await as(anna).conversations.updateNote({ ...ref, content: "Patient mentioned Lisinopril" });
    expect(await inbox("hydrocortisone")).toEqual([]);
    expect(await inbox("lisinopril")).toEqual([chat.conversationId]);

    await as(anna).conversations.deleteNote(ref);
    expect(await inbox("lisinopril")).toEqual([]);
  });

  it("a renamed contact is no longer found, nor are its conversations, by the old name", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_search_edits" });
    const { conversation } = await as(anna).conversations.byId({
      conversationId: chat.conversationId,
    });
    const contactId = conversation.contactId!;
    await as(anna).contacts.update({ contactId, patch: { name: "Wilhelmina Quist" } });
    expect(await inbox("wilhelmina")).toEqual([chat.conversationId]);
    expect(await people("wilhelmina")).toEqual([contactId]);

    await as(anna).contacts.update({ contactId, patch: { name: "Mina Quist" } });
    expect(await inbox("wilhelmina")).toEqual([]);
    expect(await people("wilhelmina")).toEqual([]);
    expect(await inbox("mina quist")).toEqual([chat.conversationId]);
  });
});
