import type { MessageKind } from "@agents-crm/config/messages";
import { z } from "zod";
import { isoFromEpoch, type ParsedEvent, type ParseResult } from "./parsed-event";
import { epochField, idField, parseEach } from "./payload-fields";

// WhatsApp Cloud API `messages` webhook (object "whatsapp_business_account", entry[].changes[].value):
// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
const mediaSchema = z.object({
  id: z.string(),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
});

const messageSchema = z.object({
  from: idField,
  id: z.string().min(1),
  timestamp: epochField,
  type: z.string(),
  context: z.object({ id: z.string().optional() }).optional(),
  text: z.object({ body: z.string() }).optional(),
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  document: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.object({
        name: z.object({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.object({ phone: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ title: z.string() }).optional(),
      list_reply: z.object({ title: z.string() }).optional(),
    })
    .optional(),
  button: z.object({ text: z.string() }).optional(),
});
type Message = z.infer<typeof messageSchema>;

const valueSchema = z.object({
  metadata: z.object({ phone_number_id: idField }),
  contacts: z
    .array(z.object({ wa_id: idField, profile: z.object({ name: z.string() }).optional() }))
    .optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const statusSchema = z.object({
  id: z.string(),
  status: z.string(),
  errors: z.array(z.object({ code: z.number() })).optional(),
});

export interface FailedStatus {
  id: string;
  codes: number[];
}

const changeSchema = z.object({ field: z.string(), value: z.unknown() });
const entrySchema = z.object({ changes: z.array(z.unknown()).optional() });

type MediaType = "image" | "video" | "audio" | "document" | "sticker";
const MEDIA: Record<MediaType, MessageKind> = {
  image: "photo",
  video: "video",
  audio: "audio",
  document: "file",
  sticker: "sticker",
};
const isMedia = (type: string): type is MediaType => Object.hasOwn(MEDIA, type);

type Content = Pick<
  ParsedEvent,
  "kind" | "text" | "attachments" | "location" | "contact" | "refersTo"
>;

/** Types that are notices about the account, not something the customer said. */
const NOTICES = new Set(["system", "request_welcome", "ephemeral"]);

function contentOf(message: Message): Content {
  const media = isMedia(message.type) ? message[message.type] : undefined;
  if (isMedia(message.type) && media) {
    const kind = message.type === "audio" && media.voice ? "voice" : MEDIA[message.type];
    return {
      kind,
      text: media.caption,
      attachments: [
        {
          type: message.type,
          fileId: media.id,
          mimeType: media.mime_type,
          fileName: media.filename,
        },
      ],
    };
  }
  switch (message.type) {
    case "text":
      return { kind: "text", text: message.text?.body };
    case "location":
      return message.location
        ? { kind: "location", location: message.location }
        : { kind: "unsupported" };
    case "contacts": {
      const card = message.contacts?.[0];
      return {
        kind: "contact",
        contact: { name: card?.name?.formatted_name, phone: card?.phones?.[0]?.phone },
      };
    }
    case "reaction":
      // No emoji (or an empty one) means the customer removed the reaction.
      return {
        kind: "reaction",
        refersTo: message.reaction?.message_id,
        text: message.reaction?.emoji || undefined,
      };
    case "interactive": {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return reply ? { kind: "text", text: reply.title } : { kind: "unsupported" };
    }
    case "button":
      return message.button ? { kind: "text", text: message.button.text } : { kind: "unsupported" };
    default:
      return { kind: "unsupported" };
  }
}

/**
 * Customer messages of a WhatsApp webhook. Delivery statuses (sent/delivered/read/failed of our own
 * messages) are not stored: they are counted as skipped, and failures logged by the caller.
 */
export function parseWhatsApp(
  payload: unknown,
  receivedAt: Date,
): ParseResult & { failedStatuses: FailedStatus[] } {
  const skipped: string[] = [];
  const events: ParsedEvent[] = [];
  const failedStatuses: FailedStatus[] = [];
  const envelope = z.object({ object: z.string(), entry: z.array(z.unknown()) }).safeParse(payload);
  if (!envelope.success || envelope.data.object !== "whatsapp_business_account") {
    return { events, skipped: ["not_whatsapp"], failedStatuses };
  }
  let index = 0;
  for (const entry of parseEach(envelope.data.entry, entrySchema, skipped, "malformed_entry")) {
    for (const change of parseEach(entry.changes, changeSchema, skipped, "malformed_change")) {
      if (change.field !== "messages") {
        skipped.push("not_messages");
        continue;
      }
      const value = valueSchema.safeParse(change.value);
      if (!value.success) {
        skipped.push("malformed_change");
        continue;
      }
      const { metadata, contacts = [], messages, statuses = [] } = value.data;
      for (const status of parseEach(statuses, statusSchema, skipped, "malformed_status")) {
        skipped.push(`status_${status.status}`);
        if (status.status === "failed")
          failedStatuses.push({ id: status.id, codes: status.errors?.map((e) => e.code) ?? [] });
      }
      const names = new Map(contacts.map((c) => [c.wa_id, c.profile?.name]));
      for (const message of parseEach(messages, messageSchema, skipped, "malformed_message")) {
        if (NOTICES.has(message.type)) {
          skipped.push(`notice_${message.type}`);
          continue;
        }
        const content = contentOf(message);
        events.push({
          platform: "whatsapp",
          accountId: metadata.phone_number_id,
          externalUserId: message.from,
          externalMessageId: message.id,
          platformMessageId: message.id,
          timestamp: isoFromEpoch(message.timestamp, "s", receivedAt),
          // Seconds tie often (two quick messages): arrival, then position in the payload, break ties.
          orderSort: [
            String(message.timestamp).padStart(12, "0"),
            String(receivedAt.getTime()).padStart(15, "0"),
            String(index++).padStart(6, "0"),
          ].join("."),
          sender: { name: names.get(message.from) },
          ...content,
          refersTo: content.refersTo ?? message.context?.id,
        });
      }
    }
  }
  return { events, skipped, failedStatuses };
}
