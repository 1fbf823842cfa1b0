import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, operator } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
const ids: Record<string, string> = {};

async function conversation(
  name: string,
  channel: "web_chat" | "telegram" | "whatsapp",
  messages: [role: "user" | "agent" | "admin", content: string][],
) {
  const created = await deps.repos.conversations.create({ agentId: "dr_search", channel });
  for (const [role, content] of messages) {
    await deps.repos.messages.append({
      conversationId: created.conversationId,
      agentId: "dr_search",
      role,
      content,
      channel,
    });
  }
  ids[name] = created.conversationId;
}

async function search(text: string): Promise<string[]> {
  const page = await callerAs(deps, operator).conversations.list({ search: text, limit: 50 });
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.items.map((c) => names[c.conversationId] ?? c.conversationId);
}

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_search");
  await conversation("en", "web_chat", [
    ["user", "Hello, I am Maria. My phone is +7 912 345-67-89"],
    ["agent", "Thank you! What is your e-mail?"],
    ["user", "It is Maria.Ivanova@Example.com"],
    ["user", "thanks"],
  ]);
  await conversation("ru", "telegram", [
    ["user", "Здравствуйте! Меня зовут Мария Фёдорова, хочу записаться на чистку зубов"],
    ["agent", "Конечно, на какой день?"],
  ]);
  await conversation("ar", "whatsapp", [
    ["user", "مَرْحَباً، أُرِيدُ حَجْزَ مَوْعِدٍ لِتَبْيِيضِ الأَسْنَانِ"],
    ["admin", "أهلاً بك، غداً الساعة العاشرة"],
  ]);
  await conversation("accents", "web_chat", [["user", "Is the Crème brûlée café open on Sunday?"]]);
  // A bare number, no "call me": contact extraction wants context, search still finds it.
  await conversation("bare-phone", "whatsapp", [["user", "+44 20 7946 0958"]]);
  await conversation("de-phone", "web_chat", [["user", "Mein Handy: +49 151 2233 4455"]]);
  await conversation("ru-phone", "telegram", [["user", "Мой номер +7 916 555 12 34"]]);
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

describe("conversations.list({ search }) finds what a receptionist types", () => {
  it("a phone number in any format", async () => {
    expect(await search("8 912 345-67-89")).toEqual(["en"]);
    expect(await search("+79123456789")).toEqual(["en"]);
    expect(await search("912 345 6789")).toEqual(["en"]);
    expect(await search("345-67-89")).toEqual(["en"]);
    expect(await search("8 912 345-67-80")).toEqual([]);
    expect(await search("020 7946 0958")).toEqual(["bare-phone"]);
    expect(await search("+442079460958")).toEqual(["bare-phone"]);
    expect(await search("7946 0958")).toEqual(["bare-phone"]);
  });

  it("a phone typed in its national format or with the 00 prefix, as the People box finds it", async () => {
    expect(await search("0049 (151) 2233-4455")).toEqual(["de-phone"]);
    expect(await search("0151 22334455")).toEqual(["de-phone"]);
    expect(await search("+49 151 22334455")).toEqual(["de-phone"]);
    expect(await search("8 916 555-12-34")).toEqual(["ru-phone"]);
    expect(await search("8 (916) 555-12-34")).toEqual(["ru-phone"]);
    expect(await search("007 916 555 12 34")).toEqual(["ru-phone"]);
    expect(await search("8 916 555-12-35")).toEqual([]);
  });

  it("an e-mail, whole or its local part, in any case", async () => {
    expect(await search("maria.ivanova@example.com")).toEqual(["en"]);
    expect(await search("MARIA.IVANOVA")).toEqual(["en"]);
    expect(await search("maria.ivanov@example.com")).toEqual([]);
  });

  it("a name, or its beginning, in Latin and Cyrillic, ё as е", async () => {
    expect(await search("maria")).toEqual(["en"]);
    expect(await search("Мари")).toEqual(["ru"]);
    expect(await search("ФЕДОРОВА")).toEqual(["ru"]);
    expect(await search("Марина")).toEqual([]);
  });

  it("any word of any message, not only the last, case- and accent-insensitive, in en/ru/ar", async () => {
    expect(await search("phone")).toEqual(["en"]);
    expect(await search("e-mail")).toEqual(["en"]);
    expect(await search("ЧИСТКУ зубов")).toEqual(["ru"]);
    expect(await search("creme BRULEE")).toEqual(["accents"]);
    expect(await search("café")).toEqual(["accents"]);
    // Without tashkeel, hamza or the alef forms the customer typed.
    expect(await search("اريد")).toEqual(["ar"]);
    expect(await search("الاسنان")).toEqual(["ar"]);
    expect(await search("تبييض")).toEqual(["ar"]);
    expect(await search("اسنان")).toEqual(["ar"]);
    expect(await search("العاشره")).toEqual(["ar"]);
  });

  it("every word must match (AND)", async () => {
    expect(await search("maria phone")).toEqual(["en"]);
    expect(await search("maria зубов")).toEqual([]);
    expect(await search("open monday")).toEqual([]);
  });

  it("the short id the inbox shows, and the full id", async () => {
    const id = ids.ru ?? "";
    expect(await search(`#${id.slice(-6)}`)).toEqual(["ru"]);
    expect(await search(id.slice(-6).toUpperCase())).toEqual(["ru"]);
    expect(await search(id)).toEqual(["ru"]);
    expect(await search(id.slice(0, -1))).toEqual([]);
  });
});
