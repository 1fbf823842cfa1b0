import { platformSchema } from "@agents-crm/config/channels";
import { attachmentSchema, locationSchema } from "@agents-crm/config/message-metadata";
import { messageKindSchema } from "@agents-crm/config/messages";
import { z } from "zod";

/**
 * What a webhook stores in the durable inbox for each platform event, after verification and parsing:
 * one shape for Instagram, Telegram and WhatsApp, so workers need not know platform payloads.
 */
export const inboundEventSchema = z.object({
  platform: platformSchema,
  /** The binding the event arrived for (Telegram: from the path; Meta: looked up by account id). */
  bindingId: z.string(),
  agentId: z.string(),
  /** Instagram business account id (recipient.id), Telegram bot id, WhatsApp phone_number_id. */
  accountId: z.string(),
  /** IGSID, Telegram chat id, WhatsApp wa_id (or the BSUID of a user whose number Meta withholds). */
  externalUserId: z.string(),
  /** Instagram mid, Telegram `${update_id}`, WhatsApp message id — the inbox dedupe key. */
  externalMessageId: z.string(),
  /** Platform time of the event, ISO 8601. */
  timestamp: z.string(),
  /** What an event is: the kinds a message is stored as. */
  kind: messageKindSchema,
  /**
   * Text for text messages; caption for media; the emoji for reactions (absent when the reaction was
   * removed); the new text for edits.
   */
  text: z.string().optional(),
  /** The message a reaction/edit/unsend/reply refers to (platform id). */
  refersTo: z.string().optional(),
  /** Stored with the message as they arrived (the metadata's shapes). */
  attachments: z.array(attachmentSchema).default([]),
  /**
   * The platform's own id of a new message (Instagram mid, Telegram message_id, WhatsApp wamid): what a
   * later reaction/edit/unsend/reply names in `refersTo`. For Telegram it differs from the dedupe key.
   */
  platformMessageId: z.string().optional(),
  location: locationSchema.optional(),
  /** A shared contact card (the first one when several were shared). */
  contact: z.object({ name: z.string().optional(), phone: z.string().optional() }).optional(),
  /** What the platform tells us about the sender, when it does (Telegram from, WhatsApp contacts). */
  sender: z
    .object({
      name: z.string().optional(),
      username: z.string().optional(),
      /** WhatsApp's business-scoped user id (BSUID), sent for every user since April 2026. */
      userId: z.string().optional(),
      /** WhatsApp's wa_id when Meta shares it beside the BSUID (absent for many username users). */
      phone: z.string().optional(),
    })
    .optional(),
  /**
   * A reply the business typed in the platform's own app (Instagram app, WhatsApp Business app),
   * not one we sent: stored as a staff message "from the app", and it takes the conversation over.
   */
  fromApp: z.boolean().optional(),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;

/** Inbox ordering: one conversation per (binding, platform user); events of one are processed in order. */
export const orderKeyOf = (event: Pick<InboundEvent, "bindingId" | "externalUserId">) =>
  `${event.bindingId}#${event.externalUserId}`;
