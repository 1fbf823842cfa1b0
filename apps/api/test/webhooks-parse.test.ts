import { describe, expect, it } from "vitest";
import { parseInstagram } from "../src/channels/webhooks/instagram-events";
import { parseTelegramUpdate } from "../src/channels/webhooks/telegram-events";
import { parseWhatsApp } from "../src/channels/webhooks/whatsapp-events";
import { fixture } from "./helpers/webhook-kit";

const at = new Date("2025-06-08T21:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const json = (name: string): unknown => JSON.parse(fixture(name));

const IG = "17841400000000001";
const IGSID = "8000000000000001";
const igBase = (timestamp: number) => ({
  platform: "instagram",
  accountId: IG,
  externalUserId: IGSID,
  timestamp: iso(timestamp),
  orderSort: timestamp,
});

describe("Instagram payloads", () => {
  it("a text DM", () => {
    const mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAx";
    expect(parseInstagram(json("instagram-text.json"), at)).toEqual({
      events: [
        {
          ...igBase(1749416383000),
          externalMessageId: mid,
          platformMessageId: mid,
          kind: "text",
          text: "Hi! Do you do teeth whitening?",
          attachments: [],
        },
      ],
      skipped: [],
      reports: [],
    });
  });

  it("every attachment type, each kept with its URL", () => {
    const { events, skipped } = parseInstagram(json("instagram-attachments.json"), at);
    expect(skipped).toEqual([]);
    expect(events.map((e) => [e.externalMessageId, e.kind, e.attachments?.[0]?.type])).toEqual([
      ["ig_mid_image", "photo", "image"],
      ["ig_mid_video", "video", "video"],
      ["ig_mid_audio", "audio", "audio"],
      ["ig_mid_file", "file", "file"],
      ["ig_mid_share", "unsupported", "share"],
      ["ig_mid_story_mention", "unsupported", "story_mention"],
      ["ig_mid_reel", "video", "ig_reel"],
    ]);
    expect(events[4]).toEqual({
      ...igBase(1749416385005),
      externalMessageId: "ig_mid_share",
      platformMessageId: "ig_mid_share",
      kind: "unsupported",
      attachments: [
        {
          type: "share",
          url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18139494541428835&signature=abc",
          caption: "Build a workspace that attracts talent.",
        },
      ],
    });
    expect(events.every((e) => e.attachments?.[0]?.url?.startsWith("https://"))).toBe(true);
  });

  it("the business's own messages (echoes) go from the business account to the customer, marked fromApp", () => {
    // Meta's message echo (https://developers.facebook.com/docs/instagram-platform/webhooks/examples):
    // sender is the business, recipient the customer; the worker tells app replies from our sends.
    expect(parseInstagram(json("instagram-echo.json"), at)).toEqual({
      events: [
        {
          platform: "instagram",
          accountId: "17841400000000001",
          externalUserId: "8000000000000001",
          timestamp: iso(1749416399000),
          orderSort: 1749416399000,
          externalMessageId: "ig_mid_echo",
          platformMessageId: "ig_mid_echo",
          kind: "text",
          text: "Yes, we do! It takes about an hour.",
          attachments: [],
          fromApp: true,
        },
      ],
      skipped: [],
      reports: [],
    });
  });

  it("a read receipt (messaging_seen) is a report that the customer read our message", () => {
    const payload = {
      object: "instagram",
      entry: [
        {
          id: IG,
          time: 1749416500000,
          messaging: [
            {
              sender: { id: IGSID },
              recipient: { id: IG },
              timestamp: 1749416500000,
              read: { mid: "ig_mid_our_reply" },
            },
          ],
        },
      ],
    };
    expect(parseInstagram(payload, at).reports).toEqual([
      {
        platform: "instagram",
        accountId: IG,
        platformMessageId: "ig_mid_our_reply",
        status: "read",
        at: iso(1749416500000),
      },
    ]);
  });

  it("a list or an attachment in a shape we do not know costs neither the entry's other messages nor the message", () => {
    const payload = {
      object: "instagram",
      entry: [
        {
          id: IG,
          standby: { unexpected: true },
          changes: "not a list",
          messaging: [
            {
              sender: { id: IGSID },
              recipient: { id: IG },
              timestamp: 7,
              message: {
                mid: "with_bad_attachment",
                text: "see this",
                attachments: [
                  { payload: { url: 5 } },
                  { type: "image", payload: { url: "https://x/y.jpg" } },
                ],
              },
            },
            {
              sender: { id: IGSID },
              recipient: { id: IG },
              timestamp: 8,
              message: { mid: "next", text: "hi" },
            },
          ],
        },
      ],
    };
    const { events } = parseInstagram(payload, at);
    expect(events.map((e) => [e.externalMessageId, e.kind, e.attachments?.length])).toEqual([
      ["with_bad_attachment", "photo", 1],
      ["next", "text", 0],
    ]);
  });

  it("reactions and their removal refer to the reacted message", () => {
    expect(parseInstagram(json("instagram-reactions.json"), at).events).toEqual([
      {
        ...igBase(1749416405000),
        externalMessageId: "ig_mid_echo#react#1749416405000",
        kind: "reaction",
        refersTo: "ig_mid_echo",
        text: "❤️",
      },
      {
        ...igBase(1749416406000),
        externalMessageId: "ig_mid_echo#unreact#1749416406000",
        kind: "reaction",
        refersTo: "ig_mid_echo",
        text: undefined,
      },
    ]);
  });

  it("edits and unsends refer to the original; num_edit 0 is skipped; a read receipt is a report", () => {
    const mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAx";
    expect(parseInstagram(json("instagram-edit-unsend-read.json"), at)).toEqual({
      events: [
        {
          ...igBase(1749416411000),
          externalMessageId: `${mid}#edit#1`,
          kind: "edit",
          refersTo: mid,
          text: "Hi! Do you do teeth whitening on Saturdays?",
        },
        {
          ...igBase(1749416412000),
          externalMessageId: "ig_mid_image#unsend",
          kind: "unsend",
          refersTo: "ig_mid_image",
        },
      ],
      skipped: ["edit_announcement"],
      reports: [expect.objectContaining({ platform: "instagram", status: "read" })],
    });
  });

  it("a batch: several entries, a story reply, an ice-breaker and another account", () => {
    const { events } = parseInstagram(json("instagram-batch.json"), at);
    expect(
      events.map((e) => [e.accountId, e.externalUserId, e.externalMessageId, e.kind, e.text]),
    ).toEqual([
      [IG, "8000000000000002", "ig_mid_batch_1", "text", "First"],
      [IG, "8000000000000002", "ig_mid_batch_2", "text", "Replying to your story"],
      [IG, "8000000000000003", "ig_mid_batch_3", "text", "What are your opening hours?"],
      [
        "17841400000000099",
        "8000000000000004",
        "ig_mid_batch_unbound",
        "text",
        "To an account nobody bound",
      ],
    ]);
    expect(events[1]?.attachments).toEqual([
      {
        type: "story_reply",
        url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2002&signature=abc",
        caption: undefined,
      },
    ]);
  });

  it("decodes Meta's escaped serialisation", () => {
    const [event] = parseInstagram(json("instagram-unicode.json"), at).events;
    expect(event?.text).toBe("Café ou thé à 9h ? Ça marche 🦷 https://example.com/réservation");
  });

  it("ignores other objects and malformed items without failing the rest", () => {
    expect(parseInstagram({ object: "page", entry: [] }, at)).toEqual({
      events: [],
      skipped: ["not_instagram"],
      reports: [],
    });
    const payload = {
      object: "instagram",
      entry: [
        {
          id: IG,
          messaging: [
            { sender: {}, recipient: { id: IG }, message: { mid: "x" } },
            {
              sender: { id: IGSID },
              recipient: { id: IG },
              timestamp: 5,
              message: { mid: "ok", text: "hi" },
            },
            { sender: { id: IG }, recipient: { id: IG }, message: { mid: "self", text: "me" } },
          ],
        },
        "garbage",
      ],
    };
    const result = parseInstagram(payload, at);
    expect(result.events.map((e) => e.externalMessageId)).toEqual(["ok"]);
    expect(result.skipped.sort()).toEqual(["malformed_entry", "malformed_event", "self"]);
  });
});

describe("Telegram updates", () => {
  const BOT = "7000000001";
  const parse = (name: string) => parseTelegramUpdate(json(name), BOT, at);
  const tgBase = (updateId: number, date: number) => ({
    platform: "telegram",
    accountId: BOT,
    externalUserId: "5000000001",
    externalMessageId: String(updateId),
    orderSort: updateId,
    timestamp: iso(date * 1000),
  });

  it("a text message: update_id is the dedupe key, the chat the conversation", () => {
    expect(parse("telegram-text.json")).toEqual({
      events: [
        {
          ...tgBase(410000001, 1749416383),
          platformMessageId: "101",
          kind: "text",
          text: "Hello! How much is a check-up?",
          sender: { name: "Anna Petrova", username: "anna_p" },
        },
      ],
      skipped: [],
    });
  });

  it("media: the largest photo size, voice, sticker, document", () => {
    expect(parse("telegram-photo.json")?.events[0]).toMatchObject({
      kind: "photo",
      text: "This tooth hurts",
      attachments: [{ type: "photo", fileId: "AgACAgIAAxkBAAIBZ2_large" }],
    });
    expect(parse("telegram-voice.json")?.events[0]).toMatchObject({
      kind: "voice",
      attachments: [{ type: "voice", fileId: "AwACAgIAAxkBAAIBaGvoice", mimeType: "audio/ogg" }],
    });
    expect(parse("telegram-sticker.json")?.events[0]).toMatchObject({
      kind: "sticker",
      text: "👍",
      attachments: [{ type: "sticker", fileId: "CAACAgIAAxkBAAIBaWsticker" }],
    });
    expect(parse("telegram-document.json")?.events[0]).toMatchObject({
      ...tgBase(410000005, 1749416397),
      kind: "file",
      text: "My x-ray from last year",
      attachments: [
        {
          type: "document",
          fileId: "BQACAgIAAxkBAAIBamdoc",
          mimeType: "application/pdf",
          fileName: "x-ray.pdf",
        },
      ],
    });
  });

  it("location and contact", () => {
    expect(parse("telegram-location.json")?.events[0]).toMatchObject({
      kind: "location",
      location: { latitude: 25.197197, longitude: 55.274376 },
    });
    expect(parse("telegram-contact.json")?.events[0]).toMatchObject({
      kind: "contact",
      contact: { name: "Anna Petrova", phone: "+971501234567" },
    });
  });

  it("an edit refers to the edited message; a reaction to the reacted one", () => {
    expect(parse("telegram-edited.json")?.events[0]).toEqual({
      ...tgBase(410000008, 1749416420),
      kind: "edit",
      refersTo: "101",
      text: "Hello! How much is a check-up and cleaning?",
      sender: { name: "Anna", username: undefined },
    });
    expect(parse("telegram-reaction.json")?.events[0]).toMatchObject({
      ...tgBase(410000011, 1749416440),
      kind: "reaction",
      refersTo: "120",
      text: "🙏",
    });
  });

  it("a button press is kept as unsupported; bots are skipped", () => {
    expect(parse("telegram-callback.json")?.events[0]).toMatchObject({
      externalUserId: "5000000001",
      kind: "unsupported",
      text: "slot:2025-06-10T10:00",
      refersTo: "99",
      attachments: [{ type: "callback_query" }],
    });
    expect(parse("telegram-bot-sender.json")).toEqual({ events: [], skipped: ["bot"] });
  });

  it("updates that are not customer messages are skipped; non-updates are rejected", () => {
    const member = { update_id: 5, my_chat_member: { chat: { id: 1 }, date: 1 } };
    expect(parseTelegramUpdate(member, BOT, at)).toEqual({
      events: [],
      skipped: ["not_a_customer_message"],
    });
    expect(parseTelegramUpdate({ message: { text: "no update id" } }, BOT, at)).toBeNull();
    expect(parseTelegramUpdate([1, 2], BOT, at)).toBeNull();
  });

  it("a part we cannot read costs neither the message's text nor the update (a refused update is re-delivered)", () => {
    // Bot API Message (https://core.telegram.org/bots/api#message) with a sticker whose shape we do
    // not know: the caption still arrives.
    const odd = {
      update_id: 6,
      message: {
        message_id: 7,
        from: { id: 5000000001, is_bot: false, first_name: "Anna" },
        chat: { id: 5000000001, type: "private" },
        date: 1749416383,
        text: "still here",
        sticker: { emoji: "🙂" },
        contact: { first_name: "no phone" },
      },
    };
    expect(parseTelegramUpdate(odd, BOT, at)?.events.map((e) => [e.kind, e.text])).toEqual([
      ["text", "still here"],
    ]);
    // A message without a chat cannot be a conversation: skipped and acknowledged, never refused.
    const broken = { update_id: 8, message: { message_id: 9, text: "where from?" } };
    expect(parseTelegramUpdate(broken, BOT, at)).toEqual({
      events: [],
      skipped: ["malformed_update"],
    });
  });
});

describe("WhatsApp payloads", () => {
  const PHONE_ID = "106540352242922";
  const waBase = (id: string, seconds: number) => ({
    platform: "whatsapp",
    accountId: PHONE_ID,
    externalUserId: "16505551234",
    externalMessageId: id,
    platformMessageId: id,
    timestamp: iso(seconds * 1000),
    sender: { name: "Sheena Nelson" },
  });

  it("a text message with the contact's profile name", () => {
    const id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    const { events, skipped } = parseWhatsApp(json("whatsapp-text.json"), at);
    expect(skipped).toEqual([]);
    expect(events).toEqual([
      {
        ...waBase(id, 1749416383),
        orderSort: `001749416383.00${at.getTime()}.000000`,
        kind: "text",
        text: "Does it come in another color?",
      },
    ]);
  });

  it("media by type: voice notes apart from audio; captions and file names kept", () => {
    const { events } = parseWhatsApp(json("whatsapp-media.json"), at);
    expect(events.map((e) => [e.externalMessageId, e.kind, e.text])).toEqual([
      ["wamid.image01", "photo", "Is this normal?"],
      ["wamid.audio01", "voice", undefined],
      ["wamid.video01", "video", undefined],
      ["wamid.document01", "file", "Insurance card"],
      ["wamid.sticker01", "sticker", undefined],
    ]);
    expect(events[3]?.attachments).toEqual([
      {
        type: "document",
        fileId: "1003383421387259",
        mimeType: "application/pdf",
        fileName: "insurance.pdf",
      },
    ]);
    // Same second: the order within the payload is kept.
    expect(String(events[0]?.orderSort) < String(events[1]?.orderSort)).toBe(true);
  });

  it("location, contacts, reactions, replies to buttons and unsupported messages", () => {
    const { events } = parseWhatsApp(json("whatsapp-interactive.json"), at);
    expect(events.map(({ orderSort: _, sender: __, timestamp: ___, ...rest }) => rest)).toEqual([
      {
        platform: "whatsapp",
        accountId: PHONE_ID,
        externalUserId: "16505551234",
        externalMessageId: "wamid.location01",
        platformMessageId: "wamid.location01",
        kind: "location",
        location: {
          latitude: 37.483253479,
          longitude: -122.148780823,
          name: "Main Office",
          address: "1 Hacker Way, Menlo Park, CA 94025",
        },
      },
      expect.objectContaining({
        kind: "contact",
        contact: { name: "Pablo Morales", phone: "+1 (940) 555-1234" },
      }),
      expect.objectContaining({ kind: "reaction", refersTo: "wamid.outbound01", text: "😀" }),
      expect.objectContaining({ kind: "reaction", refersTo: "wamid.outbound01", text: undefined }),
      expect.objectContaining({
        kind: "text",
        text: "Tomorrow 10:00",
        refersTo: "wamid.outbound02",
      }),
      expect.objectContaining({ kind: "text", text: "Confirm", refersTo: "wamid.template01" }),
      expect.objectContaining({ kind: "unsupported", externalMessageId: "wamid.unsupported01" }),
    ]);
  });

  it("delivery statuses are reports about our messages, failures with Meta's code and words", () => {
    // Status webhooks (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status):
    // 131047 is the re-engagement error (more than 24 hours since the customer wrote).
    expect(parseWhatsApp(json("whatsapp-statuses.json"), at)).toEqual({
      events: [],
      skipped: [],
      reports: [
        {
          platform: "whatsapp",
          accountId: PHONE_ID,
          platformMessageId: "wamid.outbound01",
          status: "delivered",
          at: iso(1749416410 * 1000),
        },
        {
          platform: "whatsapp",
          accountId: PHONE_ID,
          platformMessageId: "wamid.outbound02",
          status: "failed",
          at: iso(1749416411 * 1000),
          reason: {
            code: "131047",
            message:
              "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          },
        },
      ],
    });
  });

  it("username users: keyed by their BSUID without a number; a sender without either, and a contact we cannot read, cost no other message", () => {
    // Shapes from Meta's business-scoped user ids page and the messages webhook reference: contacts[]
    // carry user_id (BSUID) and profile.username, wa_id and messages[].from are omitted when Meta
    // withholds the number, messages[].from_user_id is the BSUID
    // (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/,
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/order).
    const { events, skipped } = parseWhatsApp(json("whatsapp-bsuid.json"), at);
    expect(skipped.sort()).toEqual(["malformed_contact", "no_sender"]);
    expect(events.map((e) => [e.externalUserId, e.text, e.sender])).toEqual([
      [
        "US.13491208655302741918",
        "Hi, do you have a slot on Friday?",
        { name: "Sheena Nelson", username: "@realsheenanelson", userId: "US.13491208655302741918" },
      ],
      [
        "971501112233",
        "And for me on Saturday?",
        { name: "Omar Haddad", userId: "AE.8812004455667788", phone: "971501112233" },
      ],
    ]);
  });

  it("a reply typed in the WhatsApp Business app (smb_message_echoes) is an event fromApp to the customer", () => {
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes
    const { events, skipped } = parseWhatsApp(json("whatsapp-smb-echo.json"), at);
    expect(skipped).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        accountId: PHONE_ID,
        externalUserId: "16505551234",
        externalMessageId: "wamid.smbecho01#echo",
        platformMessageId: "wamid.smbecho01",
        kind: "text",
        text: "Hi Sheena, this is Dr. Lee — I will call you in 5 minutes.",
        fromApp: true,
      }),
    ]);
  });

  it("a batch of entries and senders", () => {
    const { events } = parseWhatsApp(json("whatsapp-batch.json"), at);
    expect(events.map((e) => [e.accountId, e.externalUserId, e.text, e.sender?.name])).toEqual([
      [PHONE_ID, "16505551234", "one", "Sheena Nelson"],
      [PHONE_ID, "971501112233", "two", "Omar Haddad"],
      [PHONE_ID, "16505551234", "three", "Sheena Nelson"],
      ["106540352242999", "14155550000", "unbound", "Nobody Bound"],
    ]);
  });
});
