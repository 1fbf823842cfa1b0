import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(() => t.close());

const find = async (q: string) => (await t.repos.searchIndex.searchContacts(q)).items;

describe("contacts are indexed wherever they are written", () => {
  it("on creation, on every searchable change, and gone after delete (nothing left in the index)", async () => {
    const { contact } = await t.repos.contacts.ensureForConversation({
      channel: "telegram",
      agentId: "dr_a",
      externalUserId: "tg-9001",
      username: "olga_smiles",
      displayName: "Olga",
    });
    expect(await find("olga_smiles")).toEqual([contact.contactId]);
    await t.repos.contacts.offerName(contact.contactId, "Ольга Фёдорова", "customer");
    expect(await find("ольга федорова")).toEqual([contact.contactId]);
    await t.repos.contacts.addPhones(contact.contactId, ["+79123456789"]);
    expect(await find("912 345 6789")).toEqual([contact.contactId]);
    await t.repos.contacts.addEmails(contact.contactId, ["olga@example.com"]);
    expect(await find("OLGA@example.com")).toEqual([contact.contactId]);

    await t.repos.contacts.delete(contact.contactId);
    expect(await find("olga")).toEqual([]);
    const out = await t.db.doc.send(new ScanCommand({ TableName: t.db.tables.searchIndex }));
    expect((out.Items ?? []).filter((i) => JSON.stringify(i).includes(contact.contactId))).toEqual(
      [],
    );
  });

  it("makes the contact's conversations findable by the person's name", async () => {
    const conversation = await t.repos.conversations.create({
      agentId: "dr_a",
      channel: "whatsapp",
      externalUserId: "447700900123",
    });
    const { contact } = await t.repos.contacts.ensureForConversation({
      channel: "whatsapp",
      agentId: "dr_a",
      externalUserId: "447700900123",
    });
    await t.repos.conversations.update(conversation.conversationId, {
      contactId: contact.contactId,
    });
    await t.repos.contacts.offerName(contact.contactId, "Priya Raman", "customer");
    const hits = await t.repos.searchIndex.searchConversations("priya");
    expect(hits.items).toEqual([conversation.conversationId]);
  });
});
