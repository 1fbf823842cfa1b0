import type { MessageKind } from "@agents-crm/config/messages";
import { z } from "zod";
import { isoFromEpoch, type ParsedEvent, type ParseResult } from "./parsed-event";
import { epochField, idField, parseEach } from "./payload-fields";
import type { DeliveryStatusReport } from "../../domain/delivery-status/record-delivery-status";
import {
  PLATFORM_DELIVERY_STATUSES,
  type PlatformDeliveryStatus,
} from "@agents-crm/config/messages";

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
  // A user who adopted a username may come without a number: only the BSUID (`from_user_id`).
  // https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/
  from: idField.optional(),
  from_user_id: z.string().min(1).max(256).optional(),
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

// Each contact, message and status is parsed on its own: one Meta changed or we do not know must
// never cost the others of the same change.
const valueSchema = z.object({
  metadata: z.object({ phone_number_id: idField }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  // smb_message_echoes: what the business typed in the WhatsApp Business app (coexistence).
  message_echoes: z.array(z.unknown()).optional(),
});

const contactSchema = z.object({
  wa_id: idField.optional(),
  user_id: z.string().min(1).max(256).optional(),
  profile: z.object({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
type Contact = z.infer<typeof contactSchema>;

const statusSchema = z.object({
  // A wamid is ~60 characters; anything far longer is not Meta's and is skipped, not stored.
  id: z.string().min(1).max(256),
  status: z.string(),
  timestamp: epochField.optional(),
  errors: z
    .array(
      z.object({
        code: z.union([z.number(), z.string()]),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.object({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes
const echoSchema = messageSchema.omit({ from: true, from_user_id: true }).extend({
  to: idField.optional(),
  to_user_id: z.string().min(1).max(256).optional(),
});

/** A report about a message we sent, for `recordDeliveryStatus`, with the account it came for. */
export interface WhatsAppStatusReport extends DeliveryStatusReport {
  accountId: string;
}

const changeSchema = z.object({ field: z.string(), value: z.unknown() });
const entrySchema = z.object({ changes: z.array(z.unknown()).optional().catch(undefined) });

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

const isReported = (status: string): status is PlatformDeliveryStatus =>
  (PLATFORM_DELIVERY_STATUSES as readonly string[]).includes(status);

/** A `statuses[]` item as a delivery report; failures carry Meta's first error. */
function reportOf(
  status: z.infer<typeof statusSchema>,
  accountId: string,
  receivedAt: Date,
): WhatsAppStatusReport | undefined {
  if (!isReported(status.status)) return undefined;
  const error = status.errors?.[0];
  return {
    platform: "whatsapp",
    accountId,
    platformMessageId: status.id,
    status: status.status,
    at: isoFromEpoch(status.timestamp, "s", receivedAt),
    ...(status.status === "failed"
      ? {
          reason: {
            code: String(error?.code ?? "unknown"),
            message:
              error?.error_data?.details ?? error?.message ?? error?.title ?? "failed to deliver",
          },
        }
      : {}),
  };
}

/** Who a contacts[] entry is, by number and by BSUID (either may be missing). */
function contactIndex(contacts: Contact[]) {
  const byKey = new Map<string, Contact>();
  for (const contact of contacts) {
    if (contact.wa_id) byKey.set(contact.wa_id, contact);
    if (contact.user_id) byKey.set(contact.user_id, contact);
  }
  return byKey;
}

/**
 * Customer messages of a WhatsApp webhook, replies typed in the WhatsApp Business app (coexistence
 * echoes), and reports about the messages we sent (sent/delivered/read/failed).
 */
export function parseWhatsApp(
  payload: unknown,
  receivedAt: Date,
): ParseResult & { reports: WhatsAppStatusReport[] } {
  const skipped: string[] = [];
  const events: ParsedEvent[] = [];
  const reports: WhatsAppStatusReport[] = [];
  const envelope = z.object({ object: z.string(), entry: z.array(z.unknown()) }).safeParse(payload);
  if (!envelope.success || envelope.data.object !== "whatsapp_business_account") {
    return { events, skipped: ["not_whatsapp"], reports };
  }
  let index = 0;
  const orderSort = (timestamp: number) =>
    // Seconds tie often (two quick messages): arrival, then position in the payload, break ties.
    [
      String(timestamp).padStart(12, "0"),
      String(receivedAt.getTime()).padStart(15, "0"),
      String(index++).padStart(6, "0"),
    ].join(".");
  for (const entry of parseEach(envelope.data.entry, entrySchema, skipped, "malformed_entry")) {
    for (const change of parseEach(entry.changes, changeSchema, skipped, "malformed_change")) {
      if (change.field !== "messages" && change.field !== "smb_message_echoes") {
        skipped.push("not_messages");
        continue;
      }
      const value = valueSchema.safeParse(change.value);
      if (!value.success) {
        skipped.push("malformed_change");
        continue;
      }
      const { metadata, messages, statuses, message_echoes: echoes } = value.data;
      const accountId = metadata.phone_number_id;
      for (const status of parseEach(statuses, statusSchema, skipped, "malformed_status")) {
        const report = reportOf(status, accountId, receivedAt);
        if (report) reports.push(report);
        else skipped.push(`status_${status.status}`);
      }
      const contacts = contactIndex(
        parseEach(value.data.contacts, contactSchema, skipped, "malformed_contact"),
      );
      for (const message of parseEach(messages, messageSchema, skipped, "malformed_message")) {
        // A number when Meta shares one (conversations before usernames are keyed by it), else the BSUID.
        const user = message.from ?? message.from_user_id;
        if (!user) {
          skipped.push("no_sender");
          continue;
        }
        if (NOTICES.has(message.type)) {
          skipped.push(`notice_${message.type}`);
          continue;
        }
        const contact = contacts.get(user) ?? contacts.get(message.from_user_id ?? "");
        const content = contentOf(message);
        const userId = message.from_user_id ?? contact?.user_id;
        const phone = message.from ?? contact?.wa_id;
        events.push({
          platform: "whatsapp",
          accountId,
          externalUserId: user,
          externalMessageId: message.id,
          platformMessageId: message.id,
          timestamp: isoFromEpoch(message.timestamp, "s", receivedAt),
          orderSort: orderSort(message.timestamp),
          sender: {
            name: contact?.profile?.name,
            ...(contact?.profile?.username ? { username: contact.profile.username } : {}),
            ...(userId ? { userId } : {}),
            // The number beside a BSUID: what links a username user to the phone on the contact.
            ...(userId && phone ? { phone } : {}),
          },
          ...content,
          refersTo: content.refersTo ?? message.context?.id,
        });
      }
      for (const echo of parseEach(echoes, echoSchema, skipped, "malformed_echo")) {
        const user = echo.to ?? echo.to_user_id;
        if (!user) {
          skipped.push("no_recipient");
          continue;
        }
        const content = contentOf({ ...echo, from: undefined, from_user_id: undefined });
        events.push({
          platform: "whatsapp",
          accountId,
          externalUserId: user,
          externalMessageId: `${echo.id}#echo`,
          platformMessageId: echo.id,
          timestamp: isoFromEpoch(echo.timestamp, "s", receivedAt),
          orderSort: orderSort(echo.timestamp),
          ...content,
          fromApp: true,
        });
      }
    }
  }
  return { events, skipped, reports };
}
