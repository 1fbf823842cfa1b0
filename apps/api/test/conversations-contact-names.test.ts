import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let olga: AdminUser;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_names");
  olga = await seedUser(deps, { role: "operator", name: "Olga Operator" });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

describe("inbox rows name the person by their contact", () => {
  it("a named contact's name replaces 'Web visitor'; an unnamed one leaves the row as it was", async () => {
    const named = (await visitor().chat.start({ agentId: "dr_names" })).conversationId;
    const unnamed = (await visitor().chat.start({ agentId: "dr_names" })).conversationId;
    const contactOf = async (conversationId: string, externalUserId: string) => {
      const { contact } = await deps.repos.contacts.ensureForConversation({
        channel: "web_chat",
        agentId: "dr_names",
        externalUserId,
      });
      await deps.repos.conversations.update(conversationId, { contactId: contact.contactId });
      return contact;
    };
    const maria = await contactOf(named, "visitor-maria");
    await contactOf(unnamed, "visitor-anon");
    await deps.repos.contacts.offerName(maria.contactId, "Maria Ivanova", "customer");

    const page = await callerAs(deps, principalOf(olga)).conversations.list({ limit: 10 });
    const row = (id: string) => page.items.find((item) => item.conversationId === id);
    expect(row(named)?.customer?.name).toBe("Maria Ivanova");
    expect(row(named)?.contactId).toBe(maria.contactId);
    expect(row(unnamed)?.customer).toBeUndefined();
  });
});
