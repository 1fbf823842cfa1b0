import type { MessageKind } from "@agents-crm/config/messages";
import { z } from "zod";
import { isoFromEpoch, type ParsedEvent, type ParseResult } from "./parsed-event";
import { epochField, idField, parseEach } from "./payload-fields";

// Instagram Messaging webhooks (object "instagram", entry[].messaging[]):
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples
const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .object({ url: z.string().optional(), title: z.string().optional() })
    .nullish()
    .transform((payload) => payload ?? {}),
});

const messagingSchema = z.object({
  sender: z.object({ id: idField }),
  recipient: z.object({ id: idField }),
  timestamp: epochField.optional(),
  message: z
    .object({
      mid: z.string().min(1),
      text: z.string().optional(),
      attachments: z.array(attachmentSchema).optional(),
      is_echo: z.boolean().optional(),
      is_deleted: z.boolean().optional(),
      is_unsupported: z.boolean().optional(),
      reply_to: z
        .object({
          mid: z.string().optional(),
          story: z.object({ url: z.string().optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
  message_edit: z
    .object({ mid: z.string().min(1), text: z.string().optional(), num_edit: z.coerce.number() })
    .optional(),
  reaction: z
    .object({
      mid: z.string().min(1),
      action: z.string(),
      reaction: z.string().optional(),
      emoji: z.string().optional(),
    })
    .optional(),
  postback: z
    .object({
      mid: z.string().optional(),
      title: z.string().optional(),
      payload: z.string().optional(),
    })
    .optional(),
  read: z.unknown().optional(),
});
type Messaging = z.infer<typeof messagingSchema>;

const entrySchema = z.object({
  messaging: z.array(z.unknown()).optional(),
  standby: z.array(z.unknown()).optional(),
  changes: z.array(z.unknown()).optional(),
});

/** Reels are videos; shares, posts and story mentions are media the agent cannot see. */
const ATTACHMENT_KINDS: Record<string, MessageKind> = {
  image: "photo",
  video: "video",
  audio: "audio",
  file: "file",
  ig_reel: "video",
  reel: "video",
};

function messageEvent(item: Messaging, base: Base): ParsedEvent | string {
  const message = item.message;
  if (!message) return "unknown_event";
  if (message.is_echo) return "echo";
  if (message.is_deleted) {
    return {
      ...base,
      externalMessageId: `${message.mid}#unsend`,
      kind: "unsend",
      refersTo: message.mid,
    };
  }
  const attachments = (message.attachments ?? []).map((a) => ({
    type: a.type,
    url: a.payload.url,
    caption: a.payload.title,
  }));
  const story = message.reply_to?.story;
  if (story) attachments.push({ type: "story_reply", url: story.url, caption: undefined });
  const first = message.attachments?.[0];
  const kind: MessageKind = message.is_unsupported
    ? "unsupported"
    : first
      ? (ATTACHMENT_KINDS[first.type] ?? "unsupported")
      : message.text
        ? "text"
        : "unsupported";
  return {
    ...base,
    externalMessageId: message.mid,
    platformMessageId: message.mid,
    kind,
    text: message.text,
    refersTo: message.reply_to?.mid,
    attachments,
  };
}

type Base = Pick<
  ParsedEvent,
  "platform" | "accountId" | "externalUserId" | "timestamp" | "orderSort"
>;

function toEvent(item: Messaging, base: Base): ParsedEvent | string {
  if (item.reaction) {
    const { mid, action, emoji } = item.reaction;
    return {
      ...base,
      // A reaction has no id of its own; Meta re-delivers it with the same timestamp.
      externalMessageId: `${mid}#${action}#${base.orderSort}`,
      kind: "reaction",
      refersTo: mid,
      text: action === "unreact" ? undefined : emoji,
    };
  }
  if (item.message_edit) {
    const { mid, text, num_edit: edits } = item.message_edit;
    // num_edit 0 announces the original message, which also arrives as a `message` event.
    if (edits < 1) return "edit_announcement";
    return {
      ...base,
      externalMessageId: `${mid}#edit#${edits}`,
      kind: "edit",
      refersTo: mid,
      text,
    };
  }
  if (item.postback) {
    // An ice-breaker or button tap: the customer "says" the option's title.
    const { mid, title } = item.postback;
    if (!title) return "postback_without_title";
    const id = mid ?? `postback#${base.externalUserId}#${base.orderSort}`;
    return { ...base, externalMessageId: id, kind: "text", text: title };
  }
  if (item.read !== undefined) return "read_receipt";
  return messageEvent(item, base);
}

/** Every customer event in an Instagram webhook; echoes, receipts and self-messages are skipped. */
export function parseInstagram(payload: unknown, receivedAt: Date): ParseResult {
  const skipped: string[] = [];
  const events: ParsedEvent[] = [];
  const envelope = z.object({ object: z.string(), entry: z.array(z.unknown()) }).safeParse(payload);
  if (!envelope.success || envelope.data.object !== "instagram") {
    return { events, skipped: ["not_instagram"] };
  }
  for (const entry of parseEach(envelope.data.entry, entrySchema, skipped, "malformed_entry")) {
    // standby: another app of the business owns the thread (handover protocol); changes: comments etc.
    skipped.push(...(entry.standby ?? []).map(() => "standby"));
    skipped.push(...(entry.changes ?? []).map(() => "not_messaging"));
    for (const item of parseEach(entry.messaging, messagingSchema, skipped, "malformed_event")) {
      if (item.sender.id === item.recipient.id) {
        skipped.push("self");
        continue;
      }
      const timestampMs = item.timestamp ?? receivedAt.getTime();
      const event = toEvent(item, {
        platform: "instagram",
        accountId: item.recipient.id,
        externalUserId: item.sender.id,
        timestamp: isoFromEpoch(timestampMs, "ms", receivedAt),
        orderSort: timestampMs,
      });
      if (typeof event === "string") skipped.push(event);
      else events.push(event);
    }
  }
  return { events, skipped };
}
