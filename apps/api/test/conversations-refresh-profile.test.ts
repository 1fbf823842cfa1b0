import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindInstagram,
  bindTelegram,
  bindWhatsApp,
  conversationOf,
  igItem,
  instagramBody,
  postInstagram,
  postTelegram,
  postWhatsApp,
  startChannels,
  telegramText,
  whatsappBody,
  type Channels,
} from "./helpers/channels-kit";
import { whatsappTextItem } from "./helpers/webhook-kit";

const IG_ACCOUNT = "17841400000000777";
const PHONE_ID = "106540352242922";
let c: Channels;
let telegram: Awaited<ReturnType<typeof bindTelegram>>;

beforeAll(async () => {
  c = await startChannels();
  await bindInstagram(c, { accountId: IG_ACCOUNT, agentId: "refresh_ig" });
  await bindWhatsApp(c, { phoneNumberId: PHONE_ID, agentId: "refresh_wa" });
  telegram = await bindTelegram(c, { agentId: "refresh_tg" });
});
afterAll(() => c.close());

async function refusal(run: Promise<unknown>): Promise<TRPCError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("conversations.refreshProfile", () => {
  it("re-reads an Instagram profile now: cache, contact, search, audit and a live event", async () => {
    const igsid = "9100000000007001";
    c.graph.addInstagramUser({ igsid, name: "Maria Ivanova", username: "maria.iv" });
    const body = instagramBody(IG_ACCOUNT, [
      igItem(IG_ACCOUNT, igsid, { message: { mid: "mid.refresh.1", text: "Hello" } }),
    ]);
    expect((await postInstagram(c, body)).status).toBe(200);
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, "refresh_ig", "instagram", igsid);
    const conversationId = conversation!.conversationId;

    // The customer renamed themselves and changed their picture since the profile was cached.
    c.graph.addInstagramUser({
      igsid,
      name: "Maria Petrova",
      username: "maria.petrova",
      profilePic: "https://scontent.cdninstagram.com/v/t51.2885-19/new.jpg",
    });
    const eventsBefore = c.adminEvents.length;
    const refreshed = await c.admin.conversations.refreshProfile({ conversationId });
    expect(refreshed).toMatchObject({
      name: "Maria Petrova",
      username: "maria.petrova",
      pictureUrl: "https://scontent.cdninstagram.com/v/t51.2885-19/new.jpg",
    });

    const details = await c.admin.conversations.byId({ conversationId });
    expect(details.instagramProfile).toMatchObject({
      name: "Maria Petrova",
      username: "maria.petrova",
    });
    expect(details.customerIdentity).toMatchObject({
      name: "Maria Petrova",
      username: "maria.petrova",
      refreshedAt: refreshed.refreshedAt,
    });
    const contact = await c.deps.repos.contacts.get(conversation!.contactId!);
    expect(contact?.name).toBe("Maria Petrova");
    const found = await c.admin.conversations.list({ search: "petrova" });
    expect(found.items.map((row) => row.conversationId)).toContain(conversationId);

    const live = c.adminEvents.slice(eventsBefore);
    const changes = live.flatMap((event) =>
      event.type === "conversation.updated" ? [(event.payload as { change: string }).change] : [],
    );
    expect(changes).toContain("profile");
    const audit = await c.admin.audit.list({ resourceId: conversationId });
    expect(audit.items.map((entry) => entry.action)).toContain("conversation.refresh_profile");

    // A second click within the cooldown does not reach the platform.
    const before = c.graph.count("instagram.profile");
    const again = await refusal(c.admin.conversations.refreshProfile({ conversationId }));
    expect(again.code).toBe("TOO_MANY_REQUESTS");
    expect(c.graph.count("instagram.profile")).toBe(before);
  });

  it("re-reads a Telegram customer's name and username with getChat", async () => {
    const chatId = 5_300_000_101;
    expect((await postTelegram(c, telegram, telegramText(9001, chatId, "Hi"))).status).toBe(200);
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, "refresh_tg", "telegram", String(chatId));
    const conversationId = conversation!.conversationId;

    c.telegram.setChat(chatId, { first_name: "Anna", last_name: "Karenina", username: "anna_kar" });
    const refreshed = await c.admin.conversations.refreshProfile({ conversationId });
    expect(refreshed).toMatchObject({ name: "Anna Karenina", username: "anna_kar" });
    expect(c.telegram.calls.filter((call) => call.method === "getChat").at(-1)?.body).toEqual({
      chat_id: String(chatId),
    });
    const details = await c.admin.conversations.byId({ conversationId });
    expect(details.customerIdentity).toMatchObject({ name: "Anna Karenina", username: "anna_kar" });
  });

  it("a platform refusal is a clear 502, and the cooldown still holds", async () => {
    const chatId = 5_300_000_102;
    expect((await postTelegram(c, telegram, telegramText(9003, chatId, "Hi"))).status).toBe(200);
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, "refresh_tg", "telegram", String(chatId));
    // The customer blocked the bot / deleted the chat: Telegram answers 400 "chat not found".
    const failed = await refusal(
      c.admin.conversations.refreshProfile({ conversationId: conversation!.conversationId }),
    );
    expect(failed.code).toBe("BAD_GATEWAY");
    expect(failed.message).toContain("chat not found");
    const again = await refusal(
      c.admin.conversations.refreshProfile({ conversationId: conversation!.conversationId }),
    );
    expect(again.code).toBe("TOO_MANY_REQUESTS");
  });

  it("WhatsApp says it has no profile API; web chat has no profile; both without a platform call", async () => {
    const waId = "15551230001";
    const body = whatsappBody(PHONE_ID, waId, [whatsappTextItem("wamid.refresh.1", "Hi", waId)]);
    expect((await postWhatsApp(c, body)).status).toBe(200);
    await c.workers.settled();
    const [whatsapp] = await conversationOf(c.deps, "refresh_wa", "whatsapp", waId);
    const calls = c.graph.requests.length;
    const noApi = await refusal(
      c.admin.conversations.refreshProfile({ conversationId: whatsapp!.conversationId }),
    );
    expect(noApi.code).toBe("PRECONDITION_FAILED");
    expect(noApi.message).toMatch(/WhatsApp has no profile API/);
    expect(c.graph.requests.length).toBe(calls);

    const web = await c.deps.repos.conversations.create({
      agentId: "refresh_wa",
      channel: "web_chat",
    });
    const noProfile = await refusal(
      c.admin.conversations.refreshProfile({ conversationId: web.conversationId }),
    );
    expect(noProfile.code).toBe("PRECONDITION_FAILED");
    expect(noProfile.message).toMatch(/web chat/);

    const missing = await refusal(
      c.admin.conversations.refreshProfile({ conversationId: "01NOSUCHCONVERSATION0000" }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });
});
