import { unreadableMessageText } from "@agents-crm/ai";
import { parseAgentConfig } from "@agents-crm/config/agent-config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentDocument } from "./helpers/chat-kit";
import {
  bindInstagram,
  bindTelegram,
  bindWhatsApp,
  conversationWith,
  igItem,
  instagramBody,
  messagesOf,
  postInstagram,
  postTelegram,
  postWhatsApp,
  startChannels,
  telegramText,
  whatsappBody,
  type Channels,
} from "./helpers/channels-kit";

const ACCOUNT = "17841400000000201";
const QUIET_ACCOUNT = "17841400000000202";
const WA = "106540352240201";
const AGENT = "kinds_clinic";
const QUIET_AGENT = "kinds_quiet";
let c: Channels;
let telegram: { bindingId: string; secret: string };

const unreadableNotice = () => {
  const parsed = parseAgentConfig(agentDocument(AGENT));
  if (!parsed.ok) throw new Error("invalid test agent");
  return unreadableMessageText(parsed.config, "en");
};
const chatCalls = () => c.llm.requests.filter((r) => r.endpoint === "chat").length;

beforeAll(async () => {
  c = await startChannels();
  await bindInstagram(c, { accountId: ACCOUNT, agentId: AGENT });
  await bindInstagram(c, {
    accountId: QUIET_ACCOUNT,
    agentId: QUIET_AGENT,
    agent: { escalation: { on_unreadable_message: "ignore" } },
  });
  telegram = await bindTelegram(c, { agentId: AGENT });
  await bindWhatsApp(c, { phoneNumberId: WA, agentId: QUIET_AGENT });
});
afterAll(() => c.close());

describe("what is not plain text", () => {
  it("a photo is stored as a photo and handed to a human, who the customer is told is coming", async () => {
    const sender = "9200000000000001";
    const calls = chatCalls();
    const url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1001&signature=abc";
    const stored = await postInstagram(
      c,
      instagramBody(ACCOUNT, [
        igItem(ACCOUNT, sender, {
          message: { mid: "mid.photo", attachments: [{ type: "image", payload: { url } }] },
        }),
      ]),
    );
    expect(stored.json()).toMatchObject({ stored: 1 });
    await c.workers.settled();
    const row = await conversationWith(c, AGENT, "instagram", sender);
    expect(row.status).toBe("NEEDS_HUMAN");
    expect(row.handoffReason).toContain("photo");
    // Every escalation carries its staff summary, this one too: why, without words to quote.
    expect(row.handoffSummary).toMatchObject({ want: "", why: row.handoffReason, by: "rules" });
    const messages = await messagesOf(c.deps, row.conversationId);
    expect(messages[0]).toMatchObject({
      role: "user",
      kind: "photo",
      // The photo itself is the message's file (its download is a job of its own); no caption, no text.
      content: "",
      fileIds: [expect.stringMatching(/^f_/) as unknown],
      metadata: { attachments: [{ type: "image", url }] },
    });
    expect(messages[1]).toMatchObject({
      role: "agent",
      content: unreadableNotice(),
      deliveryStatus: "sent",
      metadata: { answers: [messages[0]?.messageId] },
    });
    expect(c.graph.sent({ to: sender }).map((m) => m.text)).toEqual([unreadableNotice()]);
    expect(chatCalls()).toBe(calls);
    expect(c.adminEvents.some((e) => e.type === "conversation.escalated")).toBe(true);

    // The human has it now: the customer's next text gets no AI answer.
    await postInstagram(
      c,
      instagramBody(ACCOUNT, [
        igItem(ACCOUNT, sender, { message: { mid: "mid.after", text: "Hello?" } }),
      ]),
    );
    await c.workers.settled();
    expect(c.graph.sent({ to: sender })).toHaveLength(1);
    expect(chatCalls()).toBe(calls);
  });

  it("with on_unreadable_message: ignore, media is only stored (voice, video, a shared reel)", async () => {
    const sender = "9200000000000002";
    const item = (mid: string, type: string) =>
      igItem(QUIET_ACCOUNT, sender, {
        message: { mid, attachments: [{ type, payload: { url: `https://cdn.example/${mid}` } }] },
      });
    await postInstagram(
      c,
      instagramBody(QUIET_ACCOUNT, [item("mid.audio", "audio"), item("mid.reel", "ig_reel")]),
    );
    await c.workers.settled();
    const row = await conversationWith(c, QUIET_AGENT, "instagram", sender);
    expect(row.status).toBe("AI_ACTIVE");
    const messages = await messagesOf(c.deps, row.conversationId);
    expect(messages.map((m) => [m.role, m.kind, m.content])).toEqual([
      ["user", "audio", ""],
      // A shared reel is somebody's post, not the customer's file: it stays a description.
      ["user", "video", "[video]"],
    ]);
    expect(c.graph.sent({ to: sender })).toHaveLength(0);
  });

  it("reactions, edits and unsends are stored next to the message they are about, without the agent", async () => {
    const sender = "9200000000000003";
    await postInstagram(
      c,
      instagramBody(ACCOUNT, [
        igItem(ACCOUNT, sender, { message: { mid: "mid.orig", text: "Is 5pm free?" } }),
      ]),
    );
    await c.workers.settled();
    const calls = chatCalls();
    const now = Date.now();
    await postInstagram(
      c,
      instagramBody(ACCOUNT, [
        igItem(
          ACCOUNT,
          sender,
          { reaction: { mid: "mid.orig", action: "react", reaction: "love", emoji: "❤️" } },
          now,
        ),
        igItem(
          ACCOUNT,
          sender,
          { message_edit: { mid: "mid.orig", text: "Is 6pm free?", num_edit: 1 } },
          now + 1,
        ),
        igItem(ACCOUNT, sender, { message: { mid: "mid.orig", is_deleted: true } }, now + 2),
      ]),
    );
    await c.workers.settled();
    const row = await conversationWith(c, AGENT, "instagram", sender);
    const messages = await messagesOf(c.deps, row.conversationId);
    const original = messages[0];
    expect(original).toMatchObject({ role: "user", kind: "text", externalMessageId: "mid.orig" });
    const annotations = messages.slice(2);
    expect(annotations.map((m) => [m.kind, m.content])).toEqual([
      ["reaction", "[reaction ❤️]"],
      ["edit", "[edited] Is 6pm free?"],
      ["unsend", "[message deleted]"],
    ]);
    for (const annotation of annotations) {
      expect(annotation.metadata).toMatchObject({
        refersTo: "mid.orig",
        refersToMessageId: original?.messageId,
      });
    }
    expect(chatCalls()).toBe(calls);
    expect(c.graph.sent({ to: sender })).toHaveLength(1);
  });

  it("Telegram stickers and voice notes are stored as such; the first hands over", async () => {
    const chat = 5100000001;
    const base = {
      from: { id: chat, is_bot: false, first_name: "Ivan" },
      chat: { id: chat, type: "private" },
    };
    const date = Math.floor(Date.now() / 1000);
    await postTelegram(c, telegram, {
      update_id: 810000001,
      message: {
        ...base,
        message_id: 11,
        date,
        sticker: {
          file_id: "CAACAgIAAxkBAAIB",
          file_unique_id: "AgADBA",
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji: "👍",
        },
      },
    });
    await postTelegram(c, telegram, {
      update_id: 810000002,
      message: {
        ...base,
        message_id: 12,
        date,
        voice: {
          file_id: "AwACAgIAAxkBAAIC",
          file_unique_id: "AgADBQ",
          duration: 3,
          mime_type: "audio/ogg",
        },
      },
    });
    await c.workers.settled();
    const row = await conversationWith(c, AGENT, "telegram", String(chat));
    expect(row.status).toBe("NEEDS_HUMAN");
    const messages = await messagesOf(c.deps, row.conversationId);
    expect(messages.map((m) => [m.role, m.kind, m.content])).toEqual([
      ["user", "sticker", "👍"],
      ["agent", "text", unreadableNotice()],
      ["user", "voice", ""],
    ]);
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([unreadableNotice()]);
  });

  it("a Telegram text drives the agent and the reply goes out with sendMessage", async () => {
    const chat = 5100000002;
    await postTelegram(c, telegram, telegramText(810000010, chat, "Do you take kids?"));
    await c.workers.settled();
    const [sent] = c.telegram.sent(chat);
    expect(sent?.text).toBe("Echo: Do you take kids?");
    const row = await conversationWith(c, AGENT, "telegram", String(chat));
    const reply = (await messagesOf(c.deps, row.conversationId)).find((m) => m.role === "agent");
    expect(reply).toMatchObject({ deliveryStatus: "sent" });
    expect(Number(reply?.externalMessageId)).toBeGreaterThan(0);
  });

  it("a WhatsApp photo with a caption, a location and a contact card are stored as what they are", async () => {
    const waId = "971500000201";
    const timestamp = String(Math.floor(Date.now() / 1000));
    await postWhatsApp(
      c,
      whatsappBody(WA, waId, [
        {
          from: waId,
          id: "wamid.kinds.image",
          timestamp,
          type: "image",
          image: { id: "1479537139650973", mime_type: "image/jpeg", caption: "my x-ray" },
        },
        {
          from: waId,
          id: "wamid.kinds.location",
          timestamp,
          type: "location",
          location: { latitude: 25.2048, longitude: 55.2708, name: "Dubai Mall" },
        },
        {
          from: waId,
          id: "wamid.kinds.contact",
          timestamp,
          type: "contacts",
          contacts: [
            { name: { formatted_name: "Omar Haddad" }, phones: [{ phone: "+971 50 123 4567" }] },
          ],
        },
      ]),
    );
    await c.workers.settled();
    const row = await conversationWith(c, QUIET_AGENT, "whatsapp", waId);
    const messages = await messagesOf(c.deps, row.conversationId);
    expect(messages.map((m) => [m.kind, m.content])).toEqual([
      ["photo", "my x-ray"],
      ["location", "[location: 25.2048, 55.2708 — Dubai Mall]"],
      ["contact", "[contact: Omar Haddad, +971 50 123 4567]"],
    ]);
    expect(messages[0]?.metadata).toMatchObject({
      attachments: [{ fileId: "1479537139650973", mimeType: "image/jpeg" }],
    });
  });
});
