import type { MessageKind } from "@agents-crm/config/messages";
import { z } from "zod";
import { isoFromEpoch, type ParsedEvent, type ParseResult } from "./parsed-event";
import { idField } from "./payload-fields";
import { groupSkipReason, isGroupChat, type TelegramGroupPolicy } from "./telegram-groups";

// Telegram Bot API `Update`: https://core.telegram.org/bots/api#update
const userSchema = z.object({
  id: idField,
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
type User = z.infer<typeof userSchema>;

const fileSchema = z.object({
  file_id: z.string(),
  mime_type: z.string().optional(),
  file_name: z.string().optional(),
  emoji: z.string().optional(),
});

/**
 * A part of a message we cannot read (a shape Telegram changed, a field we do not know) reads as
 * absent, so the rest of the message — its text, its sender — is still kept.
 */
const part = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const entitySchema = z.object({ type: z.string(), offset: z.number(), length: z.number() });

const messageSchema = z.object({
  message_id: z.number().int(),
  from: part(userSchema),
  chat: z.object({ id: idField, type: z.string().optional() }),
  entities: part(z.array(entitySchema)),
  caption_entities: part(z.array(entitySchema)),
  date: z.number().optional(),
  edit_date: z.number().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  reply_to_message: part(
    z.object({ message_id: z.number().int(), from: z.object({ id: idField }).optional() }),
  ),
  // PhotoSize[] in ascending size: the last is the largest.
  photo: part(z.array(z.object({ file_id: z.string() }))),
  video: part(fileSchema),
  video_note: part(fileSchema),
  animation: part(fileSchema),
  audio: part(fileSchema),
  voice: part(fileSchema),
  sticker: part(fileSchema),
  document: part(fileSchema),
  location: part(z.object({ latitude: z.number(), longitude: z.number() })),
  venue: part(
    z.object({
      location: z.object({ latitude: z.number(), longitude: z.number() }),
      title: z.string().optional(),
      address: z.string().optional(),
    }),
  ),
  contact: part(
    z.object({
      phone_number: z.string(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
    }),
  ),
});
type Message = z.infer<typeof messageSchema>;

const updateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  edited_message: messageSchema.optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: userSchema,
      message: messageSchema.optional(),
      data: z.string().optional(),
    })
    .optional(),
  message_reaction: z
    .object({
      chat: z.object({ id: idField, type: z.string().optional() }),
      message_id: z.number().int(),
      user: userSchema.optional(),
      date: z.number(),
      new_reaction: z.array(z.object({ type: z.string(), emoji: z.string().optional() })),
    })
    .optional(),
});

const nameOf = (user: User | undefined) => {
  if (!user) return undefined;
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return { name: name || undefined, username: user.username };
};

type Content = Pick<ParsedEvent, "kind" | "attachments" | "location" | "contact">;

const fileAttachment = (type: string, file: z.infer<typeof fileSchema>) => ({
  type,
  fileId: file.file_id,
  mimeType: file.mime_type,
  fileName: file.file_name,
});

/** What a message carries, most specific first (an animation also comes with a `document`). */
function contentOf(message: Message): Content | null {
  const media: [MessageKind, string, z.infer<typeof fileSchema> | undefined][] = [
    ["video", "animation", message.animation],
    ["video", "video", message.video],
    ["video", "video_note", message.video_note],
    ["voice", "voice", message.voice],
    ["audio", "audio", message.audio],
    ["sticker", "sticker", message.sticker],
    ["file", "document", message.document],
  ];
  const largestPhoto = message.photo?.at(-1);
  if (largestPhoto)
    return { kind: "photo", attachments: [{ type: "photo", fileId: largestPhoto.file_id }] };
  for (const [kind, type, file] of media) {
    if (file) return { kind, attachments: [fileAttachment(type, file)] };
  }
  const venue = message.venue;
  if (venue) {
    return {
      kind: "location",
      location: { ...venue.location, name: venue.title, address: venue.address },
    };
  }
  if (message.location) return { kind: "location", location: message.location };
  if (message.contact) {
    const { phone_number: phone, first_name: first, last_name: last } = message.contact;
    const name = [first, last].filter(Boolean).join(" ") || undefined;
    return { kind: "contact", contact: { name, phone } };
  }
  if (message.text !== undefined) return { kind: "text" };
  return null;
}

/**
 * One Update → at most one event. update_id is the dedupe key and orders a bot's updates; the chat is
 * the conversation. Bots' messages, channel posts and membership updates are skipped.
 */
export function parseTelegramUpdate(
  payload: unknown,
  botId: string,
  receivedAt: Date,
  groups: TelegramGroupPolicy = { allowGroups: false },
): ParseResult | null {
  // Only an update without its id is not an Update. Anything else is acknowledged: a refused update
  // is re-delivered by Telegram again and again, holding up the bot's later ones.
  const id = z.object({ update_id: updateSchema.shape.update_id }).safeParse(payload);
  if (!id.success) return null;
  const parsed = updateSchema.safeParse(payload);
  if (!parsed.success) {
    return { events: [], skipped: ["malformed_update"] };
  }
  const update = parsed.data;
  const base = {
    platform: "telegram" as const,
    accountId: botId,
    externalMessageId: String(update.update_id),
    orderSort: update.update_id,
  };
  const skip = (reason: string): ParseResult => ({ events: [], skipped: [reason] });
  const one = (event: ParsedEvent): ParseResult => ({ events: [event], skipped: [] });

  if (update.message) {
    const message = update.message;
    if (message.from?.is_bot) return skip("bot");
    const notForUs = groupSkipReason(message, botId, groups);
    if (notForUs) return skip(notForUs);
    const content = contentOf(message);
    return one({
      ...base,
      externalUserId: message.chat.id,
      timestamp: isoFromEpoch(message.date, "s", receivedAt),
      platformMessageId: String(message.message_id),
      text: message.text ?? message.caption ?? message.sticker?.emoji,
      refersTo: message.reply_to_message ? String(message.reply_to_message.message_id) : undefined,
      sender: nameOf(message.from),
      ...(content ?? { kind: "unsupported" }),
    });
  }
  if (update.edited_message) {
    const message = update.edited_message;
    if (message.from?.is_bot) return skip("bot");
    // An edit in a group is skipped too: its original may not have addressed the bot.
    if (isGroupChat(message.chat)) return skip("group_chat");
    return one({
      ...base,
      externalUserId: message.chat.id,
      timestamp: isoFromEpoch(message.edit_date ?? message.date, "s", receivedAt),
      kind: "edit",
      refersTo: String(message.message_id),
      text: message.text ?? message.caption,
      sender: nameOf(message.from),
    });
  }
  if (update.callback_query) {
    // We never send inline keyboards, so a button's data is not ours to interpret: kept as unsupported.
    const query = update.callback_query;
    if (query.from.is_bot) return skip("bot");
    if (query.message && isGroupChat(query.message.chat)) return skip("group_chat");
    return one({
      ...base,
      externalUserId: query.message?.chat.id ?? query.from.id,
      timestamp: receivedAt.toISOString(),
      kind: "unsupported",
      text: query.data,
      refersTo: query.message ? String(query.message.message_id) : undefined,
      attachments: [{ type: "callback_query" }],
      sender: nameOf(query.from),
    });
  }
  if (update.message_reaction) {
    const reaction = update.message_reaction;
    if (reaction.user?.is_bot) return skip("bot");
    if (isGroupChat(reaction.chat)) return skip("group_chat");
    // The newest reaction; an empty list means the reaction was taken back.
    const latest = reaction.new_reaction.at(-1);
    const emoji = latest ? (latest.emoji ?? `[${latest.type}]`) : undefined;
    return one({
      ...base,
      externalUserId: reaction.chat.id,
      timestamp: isoFromEpoch(reaction.date, "s", receivedAt),
      kind: "reaction",
      refersTo: String(reaction.message_id),
      text: emoji,
      sender: nameOf(reaction.user),
    });
  }
  return skip("not_a_customer_message");
}
