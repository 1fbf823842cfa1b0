import { describe, expect, it } from "vitest";
import { parseTelegramUpdate } from "../src/channels/webhooks/telegram-events";

// Update shapes from the Bot API reference: Update (https://core.telegram.org/bots/api#update) with
// `message` / `channel_post`, Chat.type "private" | "group" | "supergroup" | "channel"
// (https://core.telegram.org/bots/api#chat), MessageEntity "mention" with offset/length in UTF-16 units
// (https://core.telegram.org/bots/api#messageentity), and `reply_to_message` carrying the replied message.

const BOT_ID = "7012345678";
const BOT = { id: 7012345678, is_bot: true, first_name: "Clinic", username: "SunriseClinicBot" };
const ANNA = {
  id: 111222333,
  is_bot: false,
  first_name: "Anna",
  username: "anna_k",
  language_code: "ru",
};
const GROUP = { id: -1001987654321, title: "Sunrise patients chat", type: "supergroup" };
const at = new Date("2026-12-06T12:00:00Z");

const groupMessage = (extra: Record<string, unknown>) => ({
  update_id: 905000001,
  message: { message_id: 41, from: ANNA, chat: GROUP, date: 1796558400, ...extra },
});
const allowed = { allowGroups: true, botUsername: "SunriseClinicBot" };

describe("Telegram groups", () => {
  it("still answers private chats", () => {
    const result = parseTelegramUpdate(
      {
        update_id: 905000000,
        message: {
          message_id: 40,
          from: ANNA,
          chat: { id: ANNA.id, first_name: "Anna", username: "anna_k", type: "private" },
          date: 1796558400,
          text: "Hello",
        },
      },
      BOT_ID,
      at,
    );
    expect(result?.events).toHaveLength(1);
  });

  it("ignores group, supergroup and channel traffic by default", () => {
    for (const type of ["group", "supergroup"]) {
      const update = groupMessage({
        chat: { ...GROUP, type },
        text: "@SunriseClinicBot what are your hours?",
        entities: [{ offset: 0, length: 17, type: "mention" }],
      });
      expect(parseTelegramUpdate(update, BOT_ID, at)).toEqual({
        events: [],
        skipped: ["group_chat"],
      });
    }
    const channelPost = {
      update_id: 905000002,
      channel_post: {
        message_id: 7,
        sender_chat: { id: -1001555000111, title: "Sunrise news", type: "channel" },
        chat: { id: -1001555000111, title: "Sunrise news", type: "channel" },
        date: 1796558400,
        text: "We are open on Sunday",
      },
    };
    expect(parseTelegramUpdate(channelPost, BOT_ID, at)?.events).toEqual([]);
    expect(parseTelegramUpdate(channelPost, BOT_ID, at, allowed)?.events).toEqual([]);
  });

  it("with groups allowed, takes only messages that mention the bot or reply to it, per group, with the sender", () => {
    const chatter = parseTelegramUpdate(
      groupMessage({ text: "see you all tomorrow" }),
      BOT_ID,
      at,
      allowed,
    );
    expect(chatter).toEqual({ events: [], skipped: ["group_not_addressed"] });
    const otherMention = parseTelegramUpdate(
      groupMessage({
        text: "@someone_else hi",
        entities: [{ offset: 0, length: 13, type: "mention" }],
      }),
      BOT_ID,
      at,
      allowed,
    );
    expect(otherMention?.events).toEqual([]);

    const mention = parseTelegramUpdate(
      groupMessage({
        text: "Привет @sunriseclinicbot, сколько стоит приём?",
        entities: [{ offset: 7, length: 17, type: "mention" }],
      }),
      BOT_ID,
      at,
      allowed,
    );
    expect(mention?.events[0]).toMatchObject({
      externalUserId: String(GROUP.id),
      sender: { name: "Anna", username: "anna_k" },
      kind: "text",
    });

    const reply = parseTelegramUpdate(
      groupMessage({
        text: "and on Saturday?",
        reply_to_message: {
          message_id: 40,
          from: BOT,
          chat: GROUP,
          date: 1796558300,
          text: "We open at 9",
        },
      }),
      BOT_ID,
      at,
      allowed,
    );
    expect(reply?.events[0]).toMatchObject({ externalUserId: String(GROUP.id), refersTo: "40" });

    const photoCaption = parseTelegramUpdate(
      groupMessage({
        photo: [{ file_id: "AgACAgIAAxkBAAIB", file_unique_id: "AQAD", width: 90, height: 90 }],
        caption: "@SunriseClinicBot is this normal?",
        caption_entities: [{ offset: 0, length: 17, type: "mention" }],
      }),
      BOT_ID,
      at,
      allowed,
    );
    expect(photoCaption?.events[0]).toMatchObject({ kind: "photo" });
  });

  it("skips edits and reactions in groups even when groups are allowed", () => {
    const edit = {
      update_id: 905000003,
      edited_message: {
        message_id: 41,
        from: ANNA,
        chat: GROUP,
        date: 1796558400,
        edit_date: 1796558460,
        text: "@SunriseClinicBot edited",
        entities: [{ offset: 0, length: 17, type: "mention" }],
      },
    };
    expect(parseTelegramUpdate(edit, BOT_ID, at, allowed)?.events).toEqual([]);
    const reaction = {
      update_id: 905000004,
      message_reaction: {
        chat: GROUP,
        message_id: 40,
        user: ANNA,
        date: 1796558400,
        old_reaction: [],
        new_reaction: [{ type: "emoji", emoji: "👍" }],
      },
    };
    expect(parseTelegramUpdate(reaction, BOT_ID, at, allowed)?.events).toEqual([]);
  });
});
