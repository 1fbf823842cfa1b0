import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation } from "../src/schemas/conversation";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock();
let t: TestDb;

async function tableItems(): Promise<Record<string, unknown>[]> {
  const out = await t.db.doc.send(new ScanCommand({ TableName: t.db.tables.searchIndex }));
  return out.Items ?? [];
}

async function conversationWith(messages: string[], agentId = "agent-1"): Promise<Conversation> {
  clock.advance(1000);
  const conversation = await t.repos.conversations.create({ agentId, channel: "web_chat" });
  for (const content of messages) {
    clock.advance(10);
    await t.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId,
      role: "user",
      content,
      channel: "web_chat",
    });
  }
  return conversation;
}

async function allHits(query: string, options: { agentId?: string; limit?: number } = {}) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await t.repos.searchIndex.searchConversations(query, { ...options, cursor });
    ids.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return ids;
}

beforeAll(async () => {
  // Three items per term and read: horizons and cursors are exercised with a handful of documents.
  t = await startTestDb({ now: clock.now, queryPageSize: 3, messageTtlHours: 48 });
});
afterAll(() => t.close());

describe("searchConversations", () => {
  it("intersects words (AND), newest conversation first, complete across pages beyond the per-term read", async () => {
    const made: { id: string; both: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      const both = i % 2 === 0;
      const c = await conversationWith([
        `whitening question ${i}`,
        both ? "price please" : "when?",
      ]);
      made.push({ id: c.conversationId, both });
    }
    const newestFirst = [...made].reverse();
    expect(await allHits("whitening", { limit: 2 })).toEqual(newestFirst.map((m) => m.id));
    expect(await allHits("WHITENING price", { limit: 2 })).toEqual(
      newestFirst.filter((m) => m.both).map((m) => m.id),
    );
    expect(await allHits("whitening nothing")).toEqual([]);
  });

  it("filters by agent", async () => {
    const other = await conversationWith(["veneers for the other agent"], "agent-2");
    await conversationWith(["veneers here"], "agent-1");
    expect(await allHits("veneers", { agentId: "agent-2" })).toEqual([other.conversationId]);
  });

  it("forgets what expired with its messages", async () => {
    const old = await conversationWith(["zirconia crown"]);
    expect(await allHits("zirconia")).toEqual([old.conversationId]);
    clock.advance(49 * 3600 * 1000);
    expect(await allHits("zirconia")).toEqual([]);
    expect(await allHits(old.conversationId)).toEqual([]);
  });

  it("writes a word the conversation already has only when its expiry moves past it", async () => {
    const c = await conversationWith(["root canal today"]);
    const put: string[] = [];
    let recording = true;
    t.db.onCommand((name, input) => {
      if (!recording) return;
      const items = (
        input.RequestItems as Record<string, { PutRequest?: { Item: { term: string } } }[]>
      )?.[t.db.tables.searchIndex];
      if (name.startsWith("BatchWrite"))
        for (const w of items ?? []) put.push(String(w.PutRequest?.Item.term));
    });
    clock.advance(10_000);
    await t.repos.messages.append({
      conversationId: c.conversationId,
      agentId: "agent-1",
      role: "agent",
      content: "Root canal again",
      channel: "web_chat",
    });
    // The new word and its prefixes, and the message's reverse item; nothing already written.
    expect(put.filter((term) => !term.startsWith("r#")).sort()).toEqual(
      ["c#aga", "c#agai", "c#again"].sort(),
    );
    expect(put.filter((term) => term.startsWith("r#"))).toHaveLength(1);
    clock.advance(30 * 3600 * 1000);
    put.length = 0;
    await t.repos.messages.append({
      conversationId: c.conversationId,
      agentId: "agent-1",
      role: "user",
      content: "canal check",
      channel: "web_chat",
    });
    recording = false;
    // A later expiry: the repeated word and the conversation's own ids are written again with it.
    expect(put).toEqual(expect.arrayContaining(["c#canal", `c#${c.conversationId}`]));
    expect(put).not.toContain("c#today");
    clock.advance(20 * 3600 * 1000);
    expect(await allHits("canal")).toEqual([c.conversationId]);
    expect(await allHits(c.conversationId)).toEqual([c.conversationId]);
    expect(await allHits("today")).toEqual([]);
  });

  it("refuses a cursor of another query", async () => {
    await conversationWith(["implant one"]);
    await conversationWith(["implant two"]);
    const page = await t.repos.searchIndex.searchConversations("implant", { limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    await expect(
      t.repos.searchIndex.searchConversations("crown", { cursor: page.nextCursor }),
    ).rejects.toThrow(/cursor/i);
  });
});

describe("removeConversation", () => {
  it("leaves nothing of the conversation in the index, and the others intact", async () => {
    const gone = await conversationWith(["braces for Olga", "olga@example.com +44 20 7946 0958"]);
    const kept = await conversationWith(["braces for Ivan"]);
    await t.repos.searchIndex.indexConversation(gone, { names: ["Olga Petrova"] });
    await t.repos.messages.append({
      conversationId: gone.conversationId,
      agentId: "agent-1",
      role: "note",
      content: "staff note about braces",
      channel: "web_chat",
      authorId: "u-1",
    });
    expect(await allHits("braces")).toEqual([kept.conversationId, gone.conversationId]);

    t.commands.reset();
    await t.repos.searchIndex.removeConversation(gone.conversationId);
    expect(t.commands.names).not.toContain("ScanCommand");
    const left = (await tableItems()).filter((item) =>
      JSON.stringify(item).includes(gone.conversationId),
    );
    expect(left).toEqual([]);
    expect(await allHits("braces")).toEqual([kept.conversationId]);
    expect(await allHits("olga")).toEqual([]);
  });
});

describe("contacts", () => {
  const contact = {
    contactId: "contact-1",
    createdAt: "2026-03-01T10:00:00.000Z",
    name: "Мария Фёдорова",
    phones: ["+79123456789"],
    emails: ["maria.f@example.com"],
    identities: [{ externalUserId: "ig-1", username: "maria.smiles", displayName: "Masha" }],
    labels: ["vip"],
  };
  const find = async (q: string) => (await t.repos.searchIndex.searchContacts(q)).items;

  it("finds a contact by name, phone, e-mail, username and label", async () => {
    await t.repos.searchIndex.indexContact(contact);
    await t.repos.searchIndex.indexContact({ ...contact, contactId: "contact-2", name: "Ivan" });
    expect(await find("мари федорова")).toEqual(["contact-1"]);
    expect(await find("912 345 6789")).toEqual(["contact-1", "contact-2"].sort().reverse());
    expect(await find("MARIA.F@example.com")).toEqual(expect.arrayContaining(["contact-1"]));
    expect(await find("maria.smiles")).toContain("contact-1");
    expect(await find("vip masha мария")).toEqual(["contact-1"]);
    expect(await find("марина")).toEqual([]);
  });

  it("drops a renamed contact's old name, and removeContact leaves nothing", async () => {
    await t.repos.searchIndex.indexContact({ ...contact, name: "Maria Ivanova" });
    expect(await find("федорова")).toEqual([]);
    expect(await find("ivanova")).toEqual(["contact-1"]);
    await t.repos.searchIndex.removeContact("contact-1");
    await t.repos.searchIndex.removeContact("contact-2");
    expect(await find("ivanova")).toEqual([]);
    const left = (await tableItems()).filter((item) => JSON.stringify(item).includes("contact-"));
    expect(left).toEqual([]);
  });
});

describe("backfillSearchIndex", () => {
  it("indexes what was stored before the index existed, idempotently", async () => {
    const before = await conversationWith(["a retainer question", "retainer again"]);
    await t.repos.searchIndex.removeConversation(before.conversationId);
    expect(await allHits("retainer")).toEqual([]);
    const { backfillSearchIndex } = await import("../src/migrate");
    const report = await backfillSearchIndex(t.db, t.repos);
    expect(report.messages).toBeGreaterThanOrEqual(2);
    await backfillSearchIndex(t.db, t.repos);
    expect(await allHits("retainer")).toEqual([before.conversationId]);
    expect(await allHits(`#${before.conversationId.slice(-6)}`)).toEqual([before.conversationId]);
    await t.repos.searchIndex.removeConversation(before.conversationId);
    const left = (await tableItems()).filter((item) =>
      JSON.stringify(item).includes(before.conversationId),
    );
    expect(left).toEqual([]);
  });
});
