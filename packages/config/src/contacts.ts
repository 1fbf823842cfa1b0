import { z } from "zod";
import { channelSchema } from "./channels";
import { conversationStatusSchema } from "./conversations";

/**
 * Contacts: one record per person across every channel (the CRM's customer record). The shapes and limits
 * the API, the store and the console share. Contacts are global (one business per deployment) and never
 * expire with MESSAGE_TTL_HOURS.
 */

export const MAX_CONTACT_NAME_CHARS = 120;
export const MAX_CONTACT_PHONES = 20;
export const MAX_CONTACT_EMAILS = 20;
export const MAX_EMAIL_CHARS = 254;
/** Labels on one contact or one conversation. */
export const MAX_LABELS_PER_ITEM = 20;
export const MAX_LABEL_CHARS = 32;
export const MAX_CONTACT_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_KEY_CHARS = 64;
export const MAX_ATTRIBUTE_VALUE_CHARS = 500;
/** Notes live on the contact item: their count and length keep it well inside DynamoDB's 400 KB. */
export const MAX_CONTACT_NOTES = 50;
export const MAX_CONTACT_NOTE_CHARS = 1000;
export const MAX_CONTACT_SEARCH = 200;
export const MAX_CONTACT_PAGE = 100;
/** Identities one contact can gather (merges add the source's). */
export const MAX_CONTACT_IDENTITIES = 50;

/** Letters and digits of any script, spaces, `-` and `_`; case-folded and trimmed on the way in. */
export const LABEL_PATTERN = /^[\p{L}\p{M}\p{N} _-]+$/u;
export const labelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(MAX_LABEL_CHARS)
  .regex(LABEL_PATTERN, "letters, digits, spaces, '-' and '_' only");
export const labelsSchema = z
  .array(labelSchema)
  .max(MAX_LABELS_PER_ITEM)
  .transform((labels) => [...new Set(labels)]);

/** An E.164 number: "+", a non-zero digit, up to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
export const e164Schema = z
  .string()
  .regex(E164_PATTERN, "an international number like +15551234567");
export const contactEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_CHARS)
  .pipe(z.email());

/** A phone as people write it (spaces, dashes, brackets, a leading "00") as E.164, or null. */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s().-]/g, "");
  const international = digits.startsWith("00") ? `+${digits.slice(2)}` : digits;
  const candidate = international.startsWith("+") ? international : `+${international}`;
  return E164_PATTERN.test(candidate) ? candidate : null;
}

/** How staff must write a phone: what the console and the API say when one is refused. */
export const STAFF_PHONE_FORMAT = "+ country code and number, like +49 151 2345 6789";
const WITH_COUNTRY_CODE = /^\s*(?:\+|00)/;

/**
 * A phone staff typed (contact edit, CSV import) as E.164, or null. It must carry its country code ("+"
 * or "00"): contacts belong to no one agent, so there is no country to assume, and a number without one
 * ("8 999 123-45-67", "9991234567") would be read as if its first digits were a country code and stored
 * wrong, out of reach of phone search and merge suggestions. What customers write is read by
 * `extractContacts` instead, which has the agent's country and the message's context.
 */
export function normalizeStaffPhone(raw: string): string | null {
  return WITH_COUNTRY_CODE.test(raw) ? normalizePhone(raw) : null;
}

export function normalizeEmail(raw: string): string | null {
  const result = contactEmailSchema.safeParse(raw);
  return result.success ? result.data : null;
}

export const attributeKeySchema = z.string().trim().min(1).max(MAX_ATTRIBUTE_KEY_CHARS);
export const attributeValueSchema = z.string().trim().max(MAX_ATTRIBUTE_VALUE_CHARS);
export const contactAttributesSchema = z
  .record(attributeKeySchema, attributeValueSchema)
  .refine((attributes) => Object.keys(attributes).length <= MAX_CONTACT_ATTRIBUTES, {
    message: `at most ${MAX_CONTACT_ATTRIBUTES} attributes`,
  });

export const contactNameSchema = z.string().trim().min(1).max(MAX_CONTACT_NAME_CHARS);
export const contactNoteTextSchema = z.string().trim().min(1).max(MAX_CONTACT_NOTE_CHARS);

/**
 * Where the contact's name came from, strongest first: staff typed it, the customer said it in a message,
 * or a platform profile (Telegram, Instagram, WhatsApp) showed it. A weaker source never overwrites a
 * stronger one.
 */
export const NAME_SOURCES = ["staff", "customer", "profile"] as const;
export const nameSourceSchema = z.enum(NAME_SOURCES);
export type NameSource = z.infer<typeof nameSourceSchema>;
export const nameSourceRank = (source: NameSource | null | undefined): number =>
  source ? NAME_SOURCES.length - NAME_SOURCES.indexOf(source) : 0;

/** Profile details a platform shows about the person (Instagram picture, Telegram language…). */
export const identityProfileSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(2000), z.number(), z.boolean()]),
);

/**
 * One channel identity: the platform's id for the person (Telegram chat id, Instagram IGSID, WhatsApp
 * wa_id, the web chat visitor's token hash) as seen by one agent.
 */
export const contactIdentitySchema = z.object({
  channel: channelSchema,
  externalUserId: z.string().min(1).max(512),
  agentId: z.string().min(1).max(512),
  username: z.string().max(256).optional(),
  displayName: z.string().max(256).optional(),
  profile: identityProfileSchema.optional(),
});
export type ContactIdentity = z.infer<typeof contactIdentitySchema>;

export const contactNoteSchema = z.object({
  noteId: z.string(),
  authorId: z.string(),
  authorName: z.string().optional(),
  text: z.string(),
  createdAt: z.string(),
});
export type ContactNote = z.infer<typeof contactNoteSchema>;

/** One contact as the API returns it. */
export const contactViewSchema = z.object({
  contactId: z.string(),
  name: z.string().nullable(),
  nameSource: nameSourceSchema.nullable().optional(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  identities: z.array(contactIdentitySchema),
  labels: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  notes: z.array(contactNoteSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSeenAt: z.string(),
  /** Contacts merged into this one (their ids), newest last. */
  mergedFrom: z.array(z.string()).optional(),
  version: z.number().int().optional(),
});
export type ContactView = z.infer<typeof contactViewSchema>;

/** One conversation in a contact's cross-channel timeline, newest activity first. */
export const contactTimelineEntrySchema = z.object({
  conversationId: z.string(),
  agentId: z.string(),
  channel: channelSchema,
  status: conversationStatusSchema,
  stage: z.string(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  lastMessagePreview: z.string().optional(),
});
export type ContactTimelineEntry = z.infer<typeof contactTimelineEntrySchema>;

const contactIdSchema = z.string().trim().min(1).max(64);

/** `contacts.list`: newest activity first; a cursor belongs to the filters it was issued for. */
export const contactListInputSchema = z.object({
  search: z.string().trim().max(MAX_CONTACT_SEARCH).optional(),
  label: labelSchema.optional(),
  channel: channelSchema.optional(),
  cursor: z.string().max(4096).nullish(),
  limit: z.number().int().min(1).max(MAX_CONTACT_PAGE).optional(),
});
export type ContactListInput = z.infer<typeof contactListInputSchema>;

/**
 * `contacts.update`: what staff edit. Lists replace the whole list; `name: null` clears the name (a later
 * profile or customer-given name may then fill it again); `expectedVersion` guards against lost updates.
 */
export const contactPatchSchema = z.object({
  name: contactNameSchema.nullable().optional(),
  phones: z.array(z.string().trim().min(1).max(40)).max(MAX_CONTACT_PHONES).optional(),
  emails: z.array(contactEmailSchema).max(MAX_CONTACT_EMAILS).optional(),
  labels: labelsSchema.optional(),
  attributes: contactAttributesSchema.optional(),
});
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const contactUpdateInputSchema = z.object({
  contactId: contactIdSchema,
  expectedVersion: z.number().int().min(0).optional(),
  patch: contactPatchSchema,
});
export type ContactUpdateInput = z.infer<typeof contactUpdateInputSchema>;

export const contactAddNoteInputSchema = z.object({
  contactId: contactIdSchema,
  text: contactNoteTextSchema,
});
export type ContactAddNoteInput = z.infer<typeof contactAddNoteInputSchema>;

/** The source is merged INTO the target: the target keeps everything of both. */
export const contactMergeInputSchema = z
  .object({ targetId: contactIdSchema, sourceId: contactIdSchema })
  .refine((input) => input.targetId !== input.sourceId, {
    message: "a contact cannot be merged into itself",
    path: ["sourceId"],
  });
export type ContactMergeInput = z.infer<typeof contactMergeInputSchema>;

export const contactUnmergeInputSchema = z.object({ mergeId: z.string().trim().min(1).max(64) });
export type ContactUnmergeInput = z.infer<typeof contactUnmergeInputSchema>;

export const contactIdInputSchema = z.object({ contactId: contactIdSchema });
