import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let admin: AdminUser;
const as = (user: AdminUser) => callerAs(deps, principalOf(user), { requestId: "req-phones" });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_phones");
  admin = await seedUser(deps, { role: "admin", name: "Anna Admin" });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

async function customer(words: string) {
  const chat = await visitor().chat.start({ agentId: "dr_phones" });
  await visitor().chat.send({ ...chat, content: words });
  const contactId = (await deps.repos.conversations.get(chat.conversationId))?.contactId;
  if (!contactId) throw new Error("the conversation has no contact");
  return contactId;
}

describe("phones staff type carry their country code", () => {
  it("contacts.update refuses a number without one, naming the form, and stores nothing", async () => {
    const contactId = await customer("Hello");
    for (const typed of ["8 999 123-45-67", "9991234567"]) {
      // Before: stored as +89991234567 / +9991234567, numbers no search or merge would ever meet.
      const refused = as(admin).contacts.update({ contactId, patch: { phones: [typed] } });
      await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(refused).rejects.toThrow(/country code: write \+ country code and number/);
    }
    expect((await deps.repos.contacts.get(contactId))?.phones).toEqual([]);

    const saved = await as(admin).contacts.update({
      contactId,
      patch: { phones: ["+7 999 123-45-67", "0049 151 2345 6789"] },
    });
    expect(saved.phones).toEqual(["+79991234567", "+4915123456789"]);
  });

  it("a CSV row with such a number is reported, naming the form; the others are imported", async () => {
    const csv = ["name,phone", "Local Number,8 999 765-43-21", "With Code,+7 999 765-43-22"].join(
      "\n",
    );
    const result = await as(admin).contacts.importCsv({ csv });
    expect(result).toMatchObject({ rows: 2, created: 1, failed: 1 });
    expect(result.errors).toEqual([
      {
        row: 1,
        message:
          '"8 999 765-43-21" is not a phone number with its country code: write + country code and number, like +49 151 2345 6789',
      },
    ]);
    expect(await deps.repos.contacts.keysByPhone("+89997654321")).toEqual([]);
  });

  it("what a customer writes is still read as it comes, and meets the staff-typed number", async () => {
    // The customer gives a local number (read by extractContacts); staff type it with +7 on another
    // contact: one phone, so search in the local form finds both and a merge is suggested.
    const fromChat = await customer("Меня зовут Ирина, перезвоните мне: 8 916 555-01-02");
    expect((await deps.repos.contacts.get(fromChat))?.phones).toEqual(["+79165550102"]);
    const typedBy = await customer("Hello again");
    await as(admin).contacts.update({
      contactId: typedBy,
      patch: { phones: ["+7 916 555 01 02"] },
    });
    const found = await as(admin).contacts.list({ search: "8 916 555-01-02" });
    expect(found.items.map((c) => c.contactId).sort()).toEqual([fromChat, typedBy].sort());
    const suggestions = await as(admin).contacts.mergeSuggestions({ contactId: typedBy });
    expect(JSON.stringify(suggestions)).toContain(fromChat);
  });
});
