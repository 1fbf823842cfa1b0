import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidCursorError, VersionConflictError } from "../src/lib/errors";
import type { Contact } from "../src/schemas/contact";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const ids = (items: Contact[]) => items.map((c) => c.contactId);
let seq = 0;
const uniqueUser = () => `user-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

describe("contacts repository", () => {
  it("two concurrent first messages of one person make one contact, and a second agent joins it", async () => {
    const contacts = t.repos.contacts;
    const externalUserId = uniqueUser();
    const input = {
      channel: "telegram" as const,
      agentId: "dr_a",
      externalUserId,
      displayName: "Maria Ivanova",
      username: "maria",
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => contacts.ensureForConversation(input)),
    );
    expect(new Set(results.map((r) => r.contact.contactId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [first] = results;
    const contact = await contacts.get(first!.contact.contactId);
    expect(contact).toMatchObject({
      name: "Maria Ivanova",
      nameSource: "profile",
      identities: [{ channel: "telegram", externalUserId, agentId: "dr_a", username: "maria" }],
    });

    // Idempotent: the same identity again is the same contact, nothing duplicated.
    const again = await contacts.ensureForConversation(input);
    expect(again).toMatchObject({ created: false, contact: { contactId: contact!.contactId } });
    expect(again.contact.identities).toHaveLength(1);

    // The same platform id on another agent of the business is the same person.
    const other = await contacts.ensureForConversation({ ...input, agentId: "dr_b" });
    expect(other.contact.contactId).toBe(contact!.contactId);
    expect(other.contact.identities.map((i) => i.agentId)).toEqual(["dr_a", "dr_b"]);
    expect(await contacts.findByIdentity("telegram", "dr_b", externalUserId)).toMatchObject({
      contactId: contact!.contactId,
    });
    // Another channel with the same id is another identity (another person, as far as we know).
    const web = await contacts.ensureForConversation({ ...input, channel: "web_chat" });
    expect(web.contact.contactId).not.toBe(contact!.contactId);
  });

  it("recovers a contact whose creator died between claiming the identity and writing it", async () => {
    const contacts = t.repos.contacts;
    const externalUserId = uniqueUser();
    expect(await contacts.keys.claimIdentity("whatsapp", externalUserId, "c-orphan", "dr_a")).toBe(
      true,
    );
    const result = await contacts.ensureForConversation({
      channel: "whatsapp",
      agentId: "dr_a",
      externalUserId,
      phones: ["+79161234567"],
    });
    expect(result).toMatchObject({
      created: true,
      contact: { contactId: "c-orphan", phones: ["+79161234567"] },
    });
  });

  it("a 'surely new' identity that is known after all joins its contact and leaves nothing behind", async () => {
    const contacts = t.repos.contacts;
    const input = { channel: "web_chat" as const, agentId: "dr_a", externalUserId: uniqueUser() };
    const fresh = await contacts.ensureForConversation(input, { surelyNew: true });
    expect(fresh.created).toBe(true);
    const before = (await contacts.list({ channel: "web_chat", limit: 500 })).items.length;
    const again = await contacts.ensureForConversation(input, { surelyNew: true });
    expect(again).toMatchObject({
      created: false,
      contact: { contactId: fresh.contact.contactId },
    });
    expect((await contacts.list({ channel: "web_chat", limit: 500 })).items).toHaveLength(before);
  });

  it("names: staff > customer > profile, and the weaker source never overwrites the stronger", async () => {
    const contacts = t.repos.contacts;
    const { contact } = await contacts.ensureForConversation({
      channel: "instagram",
      agentId: "dr_a",
      externalUserId: uniqueUser(),
      displayName: "masha_99",
    });
    expect(contact).toMatchObject({ name: "masha_99", nameSource: "profile" });
    const told = await contacts.offerName(contact.contactId, "Maria", "customer");
    expect(told).toMatchObject({ name: "Maria", nameSource: "customer", version: 2 });
    // A profile refresh keeps the customer's own name (the identity's details still refresh).
    const refreshed = await contacts.refreshIdentity(contact.contactId, {
      channel: "instagram",
      agentId: "dr_a",
      externalUserId: contact.identities[0]!.externalUserId,
      displayName: "Masha K",
      profile: { profilePic: "https://example.test/p.jpg" },
    });
    expect(refreshed).toMatchObject({ name: "Maria", nameSource: "customer" });
    expect(refreshed.identities[0]).toMatchObject({
      displayName: "Masha K",
      profile: { profilePic: "https://example.test/p.jpg" },
    });
    const staff = await contacts.update(contact.contactId, { name: "Maria Petrova" });
    expect(staff).toMatchObject({ name: "Maria Petrova", nameSource: "staff" });
    expect(await contacts.offerName(contact.contactId, "Masha", "customer")).toMatchObject({
      name: "Maria Petrova",
    });
    // Clearing it lets the customer's name in again.
    await contacts.update(contact.contactId, { name: null });
    expect(await contacts.offerName(contact.contactId, "Masha", "customer")).toMatchObject({
      name: "Masha",
      nameSource: "customer",
    });
  });

  it("update checks the version; phones and e-mails are normalised, deduplicated and findable", async () => {
    const contacts = t.repos.contacts;
    const a = (
      await contacts.ensureForConversation({
        channel: "web_chat",
        agentId: "dr_a",
        externalUserId: uniqueUser(),
      })
    ).contact;
    const b = (
      await contacts.ensureForConversation({
        channel: "telegram",
        agentId: "dr_a",
        externalUserId: uniqueUser(),
      })
    ).contact;
    const withPhone = await contacts.addPhones(a.contactId, ["+7 (916) 555-44-33", "+79165554433"]);
    expect(withPhone.phones).toEqual(["+79165554433"]);
    // Nothing new: nothing written.
    expect((await contacts.addPhones(a.contactId, ["+79165554433"])).version).toBe(
      withPhone.version,
    );
    await contacts.addEmails(a.contactId, ["Maria@Example.com", "maria@example.com"]);
    await contacts.addPhones(b.contactId, ["0079165554433"]);
    await contacts.addEmails(b.contactId, ["MARIA@example.COM"]);

    expect(ids(await contacts.keysByPhone("8 916 555 44 33".replace(/^8/, "+7")))).toEqual(
      expect.arrayContaining([a.contactId, b.contactId]),
    );
    expect(ids(await contacts.keysByEmail("maria@EXAMPLE.com")).sort()).toEqual(
      [a.contactId, b.contactId].sort(),
    );

    const current = (await contacts.get(a.contactId))!;
    await expect(
      contacts.update(a.contactId, { labels: ["vip"] }, { expectedVersion: current.version - 1 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    // Removing the phone removes its key: b alone shares it now.
    const edited = await contacts.update(
      a.contactId,
      { phones: [], attributes: { city: "Moscow" } },
      { expectedVersion: current.version },
    );
    expect(edited).toMatchObject({ phones: [], attributes: { city: "Moscow" } });
    expect(ids(await contacts.keysByPhone("+79165554433"))).toEqual([b.contactId]);
    const keys = await contacts.keys.keysOf(a.contactId);
    expect(keys.map((k) => k.key).filter((k) => k.startsWith("phone#"))).toEqual([]);
  });

  it("lists newest activity first by cursor, by label and by channel, with Queries only", async () => {
    const contacts = t.repos.contacts;
    const made: Contact[] = [];
    for (let i = 0; i < 7; i++) {
      t.clock.advance(60_000);
      const { contact } = await contacts.ensureForConversation({
        channel: i % 2 === 0 ? "whatsapp" : "instagram",
        agentId: "dr_list",
        externalUserId: uniqueUser(),
      });
      made.push(contact);
    }
    for (const c of made.slice(0, 4))
      await contacts.update(c.contactId, { labels: ["List Test".toLowerCase()] });
    // An older contact seen again moves to the top.
    t.clock.advance(60_000);
    const oldest = made[0]!;
    await contacts.touch(oldest.contactId, t.clock.now().toISOString());

    t.commands.reset();
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await contacts.list({ limit: 3, cursor, label: "list test" });
      pages.push(...ids(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([oldest, made[3]!, made[2]!, made[1]!].map((c) => c.contactId));
    expect(t.commands.names).not.toContain("ScanCommand");

    const labelledWhatsapp = await contacts.list({ label: "list test", channel: "whatsapp" });
    expect(ids(labelledWhatsapp.items)).toEqual([oldest.contactId, made[2]!.contactId]);

    const instagram = await contacts.list({ channel: "instagram", limit: 100 });
    const mine = new Set(made.map((c) => c.contactId));
    expect(ids(instagram.items).filter((id) => mine.has(id))).toEqual(
      [made[5]!, made[3]!, made[1]!].map((c) => c.contactId),
    );

    const all = await contacts.list({ limit: 2 });
    expect(all.items[0]!.contactId).toBe(oldest.contactId);
    await expect(contacts.list({ label: "other", cursor: all.nextCursor })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    expect(t.commands.names).not.toContain("ScanCommand");

    // Removing the label takes the contact off that list.
    await contacts.update(oldest.contactId, { labels: [] });
    expect(ids((await contacts.list({ label: "list test" })).items)).not.toContain(
      oldest.contactId,
    );
  });

  it("links conversations to their contact: the timeline across channels, newest first", async () => {
    const contacts = t.repos.contacts;
    const { contact } = await contacts.ensureForConversation({
      channel: "web_chat",
      agentId: "dr_a",
      externalUserId: uniqueUser(),
    });
    const first = await t.repos.conversations.create({
      agentId: "dr_a",
      channel: "web_chat",
      contactId: contact.contactId,
    });
    t.clock.advance(1000);
    const second = await t.repos.conversations.create({
      agentId: "dr_b",
      channel: "telegram",
      externalUserId: "42",
    });
    await t.repos.conversations.update(second.conversationId, { contactId: contact.contactId });
    const timeline = await contacts.timeline(contact.contactId);
    expect(timeline.items.map((e) => [e.conversationId, e.channel])).toEqual([
      [second.conversationId, "telegram"],
      [first.conversationId, "web_chat"],
    ]);
  });

  it("cuts over-long platform values so the contact stays readable", async () => {
    const { contact } = await t.repos.contacts.ensureForConversation({
      channel: "telegram",
      agentId: "dr_a",
      externalUserId: uniqueUser(),
      displayName: "A".repeat(500),
      username: "u".repeat(400),
      profile: { bio: "b".repeat(5000) },
    });
    const read = await t.repos.contacts.get(contact.contactId);
    expect(read?.name).toHaveLength(120);
    expect(read?.identities[0]?.username).toHaveLength(256);
    expect(String(read?.identities[0]?.profile?.bio)).toHaveLength(2000);
  });

  it("delete removes the contact and every key pointing at it", async () => {
    const contacts = t.repos.contacts;
    const externalUserId = uniqueUser();
    const { contact } = await contacts.ensureForConversation({
      channel: "telegram",
      agentId: "dr_a",
      externalUserId,
      phones: ["+15551230000"],
    });
    await contacts.update(contact.contactId, { labels: ["gone"], emails: ["x@example.com"] });
    expect((await contacts.keys.keysOf(contact.contactId)).length).toBe(5);
    await contacts.delete(contact.contactId);
    expect(await contacts.get(contact.contactId)).toBeNull();
    expect(await contacts.keys.keysOf(contact.contactId)).toEqual([]);
    expect(await contacts.findByIdentity("telegram", "dr_a", externalUserId)).toBeNull();
  });
});
