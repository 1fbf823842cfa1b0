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
      // One attachment we cannot read is dropped, not the message with it.
      attachments: z
        .array(z.unknown())
        .optional()
        .transform((items) =>
          items?.flatMap((item) => {
            const parsed = attachmentSchema.safeParse(item);
            return parsed.success ? [parsed.data] : [];
          }),
        ),
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

// https://developers.facebook.com/docs/instagram-platform/webhooks/examples (messaging_seen: `read.mid`)
const readSchema = z.object({ mid: z.string().min(1).max(256) });
type Messaging = z.infer<typeof messagingSchema>;

// A list of an entry in a shape we do not know reads as empty: it must not cost the entry's messages.
const list = z.array(z.unknown()).optional().catch(undefined);
const entrySchema = z.object({ messaging: list, standby: list, changes: list });

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
    // The business's own message: typed in the Instagram app, or our API send (the worker tells them
    // apart by the mid we remembered when sending).
    ...(message.is_echo ? { fromApp: true } : {}),
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

/**
 * Every customer event in an Instagram webhook, and the business's own messages (echoes) for the
 * worker to store as staff replies; receipts and self-messages are skipped.
 */
export function parseInstagram(payload: unknown, receivedAt: Date): ParseResult {
  const skipped: string[] = [];
  const events: ParsedEvent[] = [];
  const reports: NonNullable<ParseResult["reports"]> = [];
  const envelope = z.object({ object: z.string(), entry: z.array(z.unknown()) }).safeParse(payload);
  if (!envelope.success || envelope.data.object !== "instagram") {
    return { events, skipped: ["not_instagram"], reports };
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
      const read = readSchema.safeParse(item.read);
      if (read.success) {
        // The customer saw our message (and all before it): a read receipt of what we sent.
        reports.push({
          platform: "instagram",
          accountId: item.recipient.id,
          platformMessageId: read.data.mid,
          status: "read",
          at: isoFromEpoch(timestampMs, "ms", receivedAt),
        });
        continue;
      }
      // An echo goes the other way: from the business account to the customer.
      // https://developers.facebook.com/docs/instagram-platform/webhooks/examples (message echo)
      const echo = item.message?.is_echo === true;
      if (echo && (item.message?.is_deleted || item.reaction || item.message_edit)) {
        skipped.push("echo_annotation");
        continue;
      }
      const event = toEvent(item, {
        platform: "instagram",
        accountId: echo ? item.sender.id : item.recipient.id,
        externalUserId: echo ? item.recipient.id : item.sender.id,
        timestamp: isoFromEpoch(timestampMs, "ms", receivedAt),
        orderSort: timestampMs,
      });
      if (typeof event === "string") skipped.push(event);
      else events.push(event);
    }
  }
  return { events, skipped, reports };
}
