import { ScanCommand, type ScanCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { pdf } from "@agents-crm/files/testing";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";
import { WEB_TURN_SCOPE, webTurnOrderKey } from "../src/domain/turns/web-turn-job";
import { ADMIN_STREAM } from "../src/realtime/types";

let deps: ApiDeps;
let admin: AdminUser;
let olga: AdminUser;
const as = (user: AdminUser) => callerAs(deps, principalOf(user), { requestId: "req-contacts" });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_contacts");
  admin = await seedUser(deps, { role: "admin", name: "Anna Admin" });
  olga = await seedUser(deps, { role: "operator", name: "Olga Operator" });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

/** A web chat visitor who writes `words`; their conversation and the contact it was filed under. */
async function customer(words: string) {
  const chat = await visitor().chat.start({ agentId: "dr_contacts" });
  await visitor().chat.send({ ...chat, content: words });
  const conversation = await deps.repos.conversations.get(chat.conversationId);
  const contactId = conversation?.contactId;
  if (!contactId) throw new Error("the conversation has no contact");
  return { ...chat, contactId };
}

/** Every item of every table, as text (scanning is fine in a test: it proves what a request never could). */
async function everyTableText(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [id, TableName] of Object.entries(deps.db.tables)) {
    const items: unknown[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await deps.db.doc.send(
        new ScanCommand({ TableName: String(TableName), ExclusiveStartKey: startKey }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    out[id] = JSON.stringify(items, (_key, value: unknown) =>
      value instanceof Uint8Array ? "<binary>" : value instanceof Set ? [...value] : value,
    );
  }
  return out;
}

describe("contacts.update and notes", () => {
  it("edits name, phones, e-mails, labels and attributes; staff's name wins; audited", async () => {
    const { contactId } = await customer("Hello, I need an appointment");
    const contact = await as(olga).contacts.update({
      contactId,
      patch: {
        name: "Maria Lopez",
        phones: ["+44 7700 900123"],
        emails: ["Maria@Example.com"],
        labels: ["VIP", "vip"],
        attributes: { city: "London" },
      },
    });
    expect(contact).toMatchObject({
      name: "Maria Lopez",
      nameSource: "staff",
      phones: ["+447700900123"],
      emails: ["maria@example.com"],
      labels: ["vip"],
      attributes: { city: "London" },
    });
    await deps.repos.contacts.offerName(contactId, "Profile Name", "profile");
    expect((await as(olga).contacts.byId({ contactId })).contact.name).toBe("Maria Lopez");

    await expect(
      as(olga).contacts.update({ contactId, patch: { phones: ["call me"] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(olga).contacts.update({ contactId, expectedVersion: 1, patch: { name: "Old" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const [entry] = (await deps.repos.audit.list({ resourceId: contactId })).items;
    expect(entry).toMatchObject({ action: "contact.update", actorId: olga.userId });
    expect(entry?.metadata.fields).toEqual(["name", "phones", "emails", "labels", "attributes"]);
  });

  it("adds a note by its author; only the author or a manager deletes it", async () => {
    const { contactId } = await customer("Hi");
    const noted = await as(olga).contacts.addNote({ contactId, text: "Prefers mornings" });
    const note = noted.notes[0];
    expect(note).toMatchObject({ authorId: olga.userId, text: "Prefers mornings" });
    const other = await seedUser(deps, { role: "operator", name: "Pavel" });
    await expect(
      as(other).contacts.deleteNote({ contactId, noteId: note!.noteId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await as(admin).contacts.deleteNote({ contactId, noteId: note!.noteId });
    expect(after.notes).toEqual([]);
  });
});

describe("contacts.list", () => {
  it("filters by label and finds a phone in another format and an e-mail", async () => {
    const { contactId } = await customer("Hello");
    await as(olga).contacts.update({
      contactId,
      patch: { phones: ["+7 916 555-12-34"], emails: ["ivan@example.ru"], labels: ["listed"] },
    });
    const byLabel = await as(olga).contacts.list({ label: "Listed" });
    expect(byLabel.items.map((c) => c.contactId)).toEqual([contactId]);
    for (const search of ["+7 (916) 555-12-34", "+79165551234", "IVAN@example.ru"]) {
      const found = await as(olga).contacts.list({ search });
      expect(
        found.items.map((c) => c.contactId),
        search,
      ).toContain(contactId);
    }
  });
});

describe("contacts.merge and unmerge", () => {
  it("keeps everything of both, re-points conversations and keys, and unmerge restores both exactly", async () => {
    const a = await customer("I am Anna");
    const b = await customer("Second visit");
    await as(olga).contacts.update({
      contactId: a.contactId,
      patch: {
        name: "Anna K",
        phones: ["+447700900555"],
        labels: ["a-label"],
        attributes: { city: "Leeds", shared: "target's" },
      },
    });
    await as(olga).contacts.update({
      contactId: b.contactId,
      patch: {
        phones: ["+447700900555", "+447700900556"],
        emails: ["anna@example.com"],
        labels: ["b-label"],
        attributes: { shoe: "38", shared: "source's" },
      },
    });
    await as(olga).contacts.addNote({ contactId: b.contactId, text: "note on b" });
    const targetBefore = await deps.repos.contacts.get(a.contactId);
    const sourceBefore = await deps.repos.contacts.get(b.contactId);

    const suggestions = await as(olga).contacts.mergeSuggestions({ contactId: a.contactId });
    expect(suggestions.map((s) => [s.other.contactId, s.shared])).toEqual([
      [b.contactId, ["+447700900555"]],
    ]);
    const global = await as(olga).contacts.mergeSuggestions();
    expect(global.some((s) => [s.contact.contactId, s.other.contactId].includes(b.contactId))).toBe(
      true,
    );

    const { contact, mergeId } = await as(olga).contacts.merge({
      targetId: a.contactId,
      sourceId: b.contactId,
    });
    expect(contact).toMatchObject({
      name: "Anna K",
      phones: ["+447700900555", "+447700900556"],
      emails: ["anna@example.com"],
      labels: ["a-label", "b-label"],
      attributes: { city: "Leeds", shoe: "38", shared: "target's" },
      mergedFrom: [b.contactId],
    });
    expect(contact.notes.map((n) => n.text)).toEqual(["note on b"]);
    expect(contact.identities).toHaveLength(2);
    expect(await deps.repos.contacts.get(b.contactId)).toBeNull();
    expect((await deps.repos.conversations.get(b.conversationId))?.contactId).toBe(a.contactId);
    const details = await as(olga).contacts.byId({ contactId: a.contactId });
    expect(details.timeline.items.map((t) => t.conversationId).sort()).toEqual(
      [a.conversationId, b.conversationId].sort(),
    );
    const identity = sourceBefore!.identities[0]!;
    expect(
      (
        await deps.repos.contacts.findByIdentity(
          identity.channel,
          identity.agentId,
          identity.externalUserId,
        )
      )?.contactId,
    ).toBe(a.contactId);
    expect(
      (await deps.repos.contacts.keysByEmail("anna@example.com")).map((c) => c.contactId),
    ).toEqual([a.contactId]);

    const restored = await as(olga).contacts.unmerge({ mergeId });
    const strip = (c: object) => {
      const { version: _v, updatedAt: _u, ...rest } = c as Record<string, unknown>;
      return rest;
    };
    expect(strip(restored.target)).toEqual(strip(targetBefore!));
    expect(strip(restored.source)).toEqual(strip(sourceBefore!));
    expect(strip((await deps.repos.contacts.get(b.contactId))!)).toEqual(strip(sourceBefore!));
    expect((await deps.repos.conversations.get(b.conversationId))?.contactId).toBe(b.contactId);
    expect(
      (
        await deps.repos.contacts.findByIdentity(
          identity.channel,
          identity.agentId,
          identity.externalUserId,
        )
      )?.contactId,
    ).toBe(b.contactId);
    expect(
      (await deps.repos.contacts.keysByEmail("anna@example.com")).map((c) => c.contactId),
    ).toEqual([b.contactId]);
    await expect(as(olga).contacts.unmerge({ mergeId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const actions = (await deps.repos.audit.list({ resourceId: a.contactId })).items.map(
      (e) => e.action,
    );
    expect(actions.slice(0, 2)).toEqual(["contact.unmerge", "contact.merge"]);
  });

  it("an older merge stays undoable after its contact is merged on", async () => {
    const a = await customer("First");
    const b = await customer("Second");
    const c = await customer("Third");
    const first = await as(olga).contacts.merge({ targetId: b.contactId, sourceId: c.contactId });
    const second = await as(olga).contacts.merge({ targetId: a.contactId, sourceId: b.contactId });
    expect((await deps.repos.conversations.get(c.conversationId))?.contactId).toBe(a.contactId);

    // Undo the outer merge first: b comes back with c's merge record, which is undone next.
    await as(olga).contacts.unmerge({ mergeId: second.mergeId });
    expect((await deps.repos.conversations.get(c.conversationId))?.contactId).toBe(b.contactId);
    const { source } = await as(olga).contacts.unmerge({ mergeId: first.mergeId });
    expect(source.contactId).toBe(c.contactId);
    expect((await deps.repos.conversations.get(c.conversationId))?.contactId).toBe(c.contactId);

    // Merged on again, the older merge is undone while the newer one stands.
    const again = await as(olga).contacts.merge({ targetId: b.contactId, sourceId: c.contactId });
    await as(olga).contacts.merge({ targetId: a.contactId, sourceId: b.contactId });
    const undone = await as(olga).contacts.unmerge({ mergeId: again.mergeId });
    expect(undone.source.contactId).toBe(c.contactId);
    expect(undone.target.contactId).toBe(a.contactId);
    expect(undone.target.identities).toHaveLength(2);
    expect(undone.target.mergedFrom).toEqual([b.contactId]);
    const cIdentity = undone.source.identities[0]!;
    expect(
      (
        await deps.repos.contacts.findByIdentity(
          cIdentity.channel,
          cIdentity.agentId,
          cIdentity.externalUserId,
        )
      )?.contactId,
    ).toBe(c.contactId);
    expect((await deps.repos.conversations.get(c.conversationId))?.contactId).toBe(c.contactId);
    expect((await deps.repos.conversations.get(b.conversationId))?.contactId).toBe(a.contactId);
    expect(await deps.repos.contacts.get(b.contactId)).toBeNull();
  });

  it("refuses merging a contact into itself", async () => {
    const a = await customer("Hi");
    await expect(
      as(olga).contacts.merge({ targetId: a.contactId, sourceId: a.contactId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("contacts.erase", () => {
  it("leaves nothing of the person in any table; the audit entry holds no personal data", async () => {
    const a = await customer("My phone is +44 7700 900999, e-mail zelda@example.org");
    const b = await customer("Zelda again: is the dentist open on Saturday?");
    await as(olga).contacts.update({
      contactId: a.contactId,
      patch: { name: "Zelda Quux", phones: ["+447700900999"], labels: ["erase-me"] },
    });
    // c into b, then b into a: the record of the older merge moves to a, and goes with it.
    const c = await customer("Zelda from her phone");
    await as(olga).contacts.merge({ targetId: b.contactId, sourceId: c.contactId });
    await as(olga).contacts.merge({ targetId: a.contactId, sourceId: b.contactId });
    await as(olga).contacts.addNote({ contactId: a.contactId, text: "Zelda note" });
    await as(olga).conversations.addNote({
      conversationId: a.conversationId,
      content: "staff note about Zelda",
    });
    await as(olga).conversations.setLabels({
      conversationId: b.conversationId,
      labels: ["erase-label"],
    });
    await as(olga).conversations.markRead({ conversationId: a.conversationId });
    await as(olga).conversations.reply({ conversationId: b.conversationId, content: "Hi Zelda" });
    const file = await deps.files.saveFile({
      bytes: pdf(),
      declaredType: "application/pdf",
      name: "zelda-referral.pdf",
      purpose: "conversation",
      conversationId: a.conversationId,
      agentId: "dr_contacts",
      createdBy: "customer",
    });

    // A turn still queued (its process stopped before the turn ran): found by the conversation's order.
    await deps.repos.inboundEvents.record({
      platform: "web_chat",
      scope: WEB_TURN_SCOPE,
      externalId: "01JZZZZZZZZZZZZZZZZZZZZZZZ",
      orderKey: webTurnOrderKey(a.conversationId),
      orderSort: "01JZZZZZZZZZZZZZZZZZZZZZZZ",
      payload: { job: "web-turn", conversationId: a.conversationId, agentId: "dr_contacts" },
    });

    const secrets = [
      a.contactId,
      b.contactId,
      a.conversationId,
      b.conversationId,
      c.contactId,
      c.conversationId,
      "447700900999",
      "7700 900999",
      "zelda@example.org",
      "zelda",
      "Zelda",
      "Quux",
      "dentist open on Saturday",
      "staff note about",
    ];
    const before = await everyTableText();
    expect(secrets.filter((s) => Object.values(before).some((text) => text.includes(s)))).toEqual(
      secrets,
    );

    const live: { type: string; payload: unknown }[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => live.push(event));
    await expect(as(olga).contacts.erase({ contactId: a.contactId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const erased = await as(admin).contacts.erase({ contactId: a.contactId });
    unsubscribe();
    expect(erased).toMatchObject({ conversations: 3, files: 1 });
    expect(await deps.files.openFile(file.fileId)).toBeNull();
    expect(
      live
        .filter((e) => e.type === "conversation.deleted" || e.type === "contact.erased")
        .map((e) => [e.type, e.payload]),
    ).toEqual(
      expect.arrayContaining([
        ["conversation.deleted", { conversationId: a.conversationId }],
        ["conversation.deleted", { conversationId: b.conversationId }],
        ["conversation.deleted", { conversationId: c.conversationId }],
        ["contact.erased", { contactId: a.contactId }],
      ]),
    );

    // Every table, the inbox (web-chat turns included), the event log and the search index: nothing.
    const after = await everyTableText();
    const left = Object.entries(after).flatMap(([table, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${table}: ${s}`),
    );
    expect(left).toEqual([]);
    // The erasure's own id is in exactly one item: its audit entry.
    const holders = Object.entries(after).filter(([, text]) => text.includes(erased.erasureId));
    expect(holders.map(([table]) => table)).toEqual(["auditLogs"]);
    expect(
      (JSON.parse(holders[0]![1]) as { resource_id?: string }[]).filter(
        (item) => item.resource_id === erased.erasureId,
      ),
    ).toHaveLength(1);
    const entry = (await deps.repos.audit.list({ action: "contact.erase" })).items[0];
    expect(entry).toMatchObject({
      actorId: admin.userId,
      resourceId: erased.erasureId,
      metadata: { conversations: 3 },
    });
    await expect(as(admin).contacts.byId({ contactId: a.contactId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      (await as(admin).conversations.labelsInUse()).some((l) => l.label === "erase-label"),
    ).toBe(false);
  });
});

describe("contacts.export", () => {
  it("holds the contact, its conversations with every message and note, and its audit entries", async () => {
    const a = await customer("Export me please");
    await as(olga).conversations.addNote({ conversationId: a.conversationId, content: "a note" });
    await as(olga).contacts.update({ contactId: a.contactId, patch: { name: "Exported" } });
    await expect(as(olga).contacts.export({ contactId: a.contactId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const data = await as(admin).contacts.export({ contactId: a.contactId });
    expect(data.contact).toMatchObject({ contactId: a.contactId, name: "Exported" });
    expect(data.conversations).toHaveLength(1);
    const roles = data.conversations[0]!.messages.map((m) => m.role);
    expect(roles).toContain("user");
    expect(roles).toContain("note");
    expect(data.auditEntries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["contact.update", "note.add"]),
    );
    const [entry] = (await deps.repos.audit.list({ resourceId: a.contactId })).items;
    expect(entry?.action).toBe("contact.export");
  });
});

describe("contacts CSV", () => {
  it("imports with upserts by phone / e-mail and per-row errors; exports formula-safe pages", async () => {
    const known = await customer("Hello");
    await as(olga).contacts.update({
      contactId: known.contactId,
      patch: { phones: ["+15551230001"], labels: ["csv-known"] },
    });
    const csv = [
      "Name,Phone,Email,Labels",
      "Known Person,+1 555 123 0001,,csv-import",
      '"=HYPERLINK(""http://evil"")",+15551230002,new@example.com,csv-import; second',
      "No Contact,,,",
      "Bad Phone,not a phone,,",
      "Same As Row Two,,NEW@example.com,",
    ].join("\n");
    await expect(as(olga).contacts.importCsv({ csv })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const result = await as(admin).contacts.importCsv({ csv });
    expect(result).toMatchObject({ rows: 5, created: 1, updated: 1, unchanged: 1, failed: 2 });
    expect(result.errors.map((e) => e.row)).toEqual([3, 4]);
    const merged = await deps.repos.contacts.get(known.contactId);
    expect(merged).toMatchObject({ name: "Known Person", labels: ["csv-known", "csv-import"] });
    const [created] = await deps.repos.contacts.keysByEmail("new@example.com");
    expect(created).toMatchObject({
      name: '=HYPERLINK("http://evil")',
      phones: ["+15551230002"],
      labels: ["csv-import", "second"],
      identities: [],
    });

    await expect(as(admin).contacts.importCsv({ csv: "name,city\nx,y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const tooMany = ["phone", ...Array.from({ length: 5_001 }, (_, i) => `+1555000${i}`)].join(
      "\n",
    );
    await expect(as(admin).contacts.importCsv({ csv: tooMany })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    let text = "";
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { csv: string; nextCursor: string | null } = await as(admin).contacts.exportCsv({
        label: "csv-import",
        limit: 1,
        cursor,
      });
      text += page.csv;
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "contact_id,name,phones,emails,labels,channels,attributes,created_at,last_seen_at",
    );
    expect(lines).toHaveLength(3);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    await expect(as(olga).contacts.exportCsv({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
