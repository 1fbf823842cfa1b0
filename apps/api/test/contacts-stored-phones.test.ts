import type { AdminUser } from "@agents-crm/db";
import { normalizeStoredPhones, PHONE_CHECK_LABEL } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { storedPhoneReader } from "../src/domain/contacts/stored-phone-reader";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let admin: AdminUser;
const as = () => callerAs(deps, principalOf(admin), { requestId: "req-stored-phones" });
const visitor = () => callerAs(deps, { kind: "anonymous" });
const country = (code: string) => ({ escalation: { phone_detection: { default_country: code } } });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_nowhere");
  await createAgent(deps, "dr_moscow", country("RU"));
  await createAgent(deps, "dr_berlin", country("DE"));
  admin = await seedUser(deps, { role: "admin", name: "Anna Admin" });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

/** A web-chat customer's contact whose phone staff saved the old way: "+" and the digits as typed. */
async function savedTheOldWay(agentId: string, phone: string): Promise<string> {
  const chat = await visitor().chat.start({ agentId });
  await visitor().chat.send({ ...chat, content: "Hello" });
  const contactId = (await deps.repos.conversations.get(chat.conversationId))?.contactId;
  if (!contactId) throw new Error("the conversation has no contact");
  // The repository still stores what the API's old rule (normalizePhone) produced.
  await deps.repos.contacts.update(contactId, { phones: [phone] });
  return contactId;
}

const contact = async (contactId: string) => {
  const found = await deps.repos.contacts.get(contactId);
  if (!found) throw new Error(`no contact ${contactId}`);
  return found;
};

describe("the stored-phones migration", () => {
  it("stores in E.164 the phones it can read, labels and logs the ones it cannot", async () => {
    const trunk = await savedTheOldWay("dr_nowhere", "+89991234567"); // typed "8 999 123-45-67"
    const local = await savedTheOldWay("dr_moscow", "+9161234567"); // typed "916 123-45-67"
    const unknown = await savedTheOldWay("dr_nowhere", "+9161234568"); // no country to read it in
    const ambiguous = await savedTheOldWay("dr_berlin", "+89161234567"); // Munich, or a Russian mobile?
    const right = await savedTheOldWay("dr_berlin", "+4915123456789");
    const rightBefore = await contact(right);
    const readPhone = await storedPhoneReader(deps.repos);

    const dryLines: string[] = [];
    const dry = await normalizeStoredPhones(deps.repos, {
      readPhone,
      dryRun: true,
      log: (l) => dryLines.push(l),
    });
    expect(dry.normalized).toHaveLength(2);
    expect((await contact(trunk)).phones).toEqual(["+89991234567"]);

    const lines: string[] = [];
    const report = await normalizeStoredPhones(deps.repos, {
      readPhone,
      log: (l) => lines.push(l),
    });
    expect(report.normalized).toHaveLength(2);
    expect(report.normalized).toEqual(
      expect.arrayContaining([
        { contactId: trunk, from: "+89991234567", to: "+79991234567" },
        { contactId: local, from: "+9161234567", to: "+79161234567" },
      ]),
    );
    expect(await contact(trunk)).toMatchObject({ phones: ["+79991234567"], labels: [] });
    expect(await contact(local)).toMatchObject({ phones: ["+79161234567"], labels: [] });
    for (const id of [unknown, ambiguous]) {
      expect((await contact(id)).labels).toEqual([PHONE_CHECK_LABEL]);
    }
    expect((await contact(unknown)).phones).toEqual(["+9161234568"]);
    expect((await contact(ambiguous)).phones).toEqual(["+89161234567"]);
    expect(await contact(right)).toEqual(rightBefore);
    expect(lines).toContain(`contact ${trunk}: phone +89991234567 → +79991234567`);
    expect(lines).toContain(
      `contact ${ambiguous}: phone +89161234567 left as stored (no country code: it could be ` +
        `+79161234567 or +4989161234567), labelled "phone-check": edit it with its country code`,
    );
    expect(
      lines.some((l) => l.startsWith(`contact ${unknown}: phone +9161234568 left as stored`)),
    ).toBe(true);
    expect(dryLines.filter((l) => l.includes("→"))).toEqual(lines.filter((l) => l.includes("→")));

    // Reachable again: phone search in the local form, the label filter for the ones left, the audit.
    const found = await as().contacts.list({ search: "8 999 123-45-67" });
    expect(found.items.map((c) => c.contactId)).toEqual([trunk]);
    const toCheck = await as().contacts.list({ label: PHONE_CHECK_LABEL });
    expect(toCheck.items.map((c) => c.contactId).sort()).toEqual([unknown, ambiguous].sort());
    const audit = await deps.repos.audit.list({ resourceId: trunk });
    expect(audit.items[0]).toMatchObject({
      actorName: "Phone migration",
      action: "contact.update",
      newValue: { phones: ["+79991234567"] },
    });

    // A re-run changes nothing.
    const versions = await Promise.all(
      [trunk, unknown].map(async (id) => (await contact(id)).version),
    );
    const again = await normalizeStoredPhones(deps.repos, { readPhone });
    expect(again.normalized).toEqual([]);
    expect(again.flagged.map((f) => f.contactId).sort()).toEqual([unknown, ambiguous].sort());
    expect(
      await Promise.all([trunk, unknown].map(async (id) => (await contact(id)).version)),
    ).toEqual(versions);
  });
});
