import { z } from "zod";
import { handoffSummarySchema } from "./handoff-summary";

/**
 * What a message records besides its text, written by the API and read by the API, stats and the
 * console through `parseMessageMetadata`. Rows written before a field existed, or by the reference
 * product, may hold anything: each field (and each part of one) that does not match is read as absent
 * instead of failing the message, and keys nobody writes are dropped.
 */
/** Who wrote a staff message (see `authorKind`). */
export const MESSAGE_AUTHOR_KINDS = ["staff", "platform_app"] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** A knowledge source an agent reply drew on (ids and scores; the config holds the excerpts). */
const sourceSchema = z.object({
  sourceId: z.string(),
  chunkIndex: lenient(z.number()),
  title: lenient(z.string()),
  score: lenient(z.number()),
});

/** Cost and latency of the turn that wrote an agent reply (stats sum them). */
const usageSchema = z.object({
  costUsd: lenient(z.number()),
  latencyMs: lenient(z.number()),
  llmLatencyMs: lenient(z.number()),
  totalTokens: lenient(z.number()),
  /** Prompt tokens the provider served from its prompt cache. */
  cachedTokens: lenient(z.number()),
});

/** Why the turn (or the unreadable-message rule) handed the conversation to a human. */
const escalationSchema = z.object({
  type: lenient(z.string()),
  reason: lenient(z.string()),
  confidence: lenient(z.number()),
  source: lenient(z.string()),
  /** The lines staff read about it (see handoff-summary.ts). */
  summary: lenient(handoffSummarySchema),
});

const contactsSchema = z.object({
  phoneNumbers: z.array(z.string()).catch([]),
  emails: z.array(z.string()).catch([]),
});

/** Media a customer sent, as the platform described it (the file stays on the platform). */
export const attachmentSchema = z.object({
  type: z.string(),
  url: z.string().optional(),
  fileId: z.string().optional(),
  mimeType: z.string().optional(),
  caption: z.string().optional(),
  fileName: z.string().optional(),
});

export const locationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
});

/** A person as a platform names them; blank names read as absent. */
const nameSchema = lenient(z.string().trim().min(1));

export const messageMetadataSchema = z.object({
  // Agent replies (and the notices the API sends in the agent's name).
  /** The turn whose streamed deltas this reply replaces. */
  turnId: lenient(z.string()),
  /** The customer messages this reply answers (a re-run of their event finds it by them). */
  answers: lenient(z.array(z.string())),
  sources: lenient(z.array(sourceSchema)),
  usage: lenient(usageSchema),
  /** Null when the turn did not escalate. */
  escalation: lenient(escalationSchema.nullable()),
  /** Answered without the model (no API key): free. */
  offline: lenient(z.boolean()),
  /** The customer got the fallback text because the model failed. */
  fallback: lenient(z.boolean()),
  moderationFlagged: lenient(z.boolean()),
  afterHours: lenient(z.boolean()),
  /** Phone numbers and e-mails the agent found in the customer's messages. */
  contacts: lenient(contactsSchema),
  /** A notice from a fixed text rather than the model (`unreadable_message_handoff`). */
  template: lenient(z.string()),

  // Customer messages from a platform.
  /** The durable inbox item the message came from (re-runs of the item find the message by it). */
  inboxEventKey: lenient(z.string()),
  platform: lenient(z.string()),
  bindingId: lenient(z.string()),
  /** The platform id of the message a reaction, edit, unsend or reply is about. */
  refersTo: lenient(z.string()),
  /** Our id of that message, when it is stored. */
  refersToMessageId: lenient(z.string()),
  attachments: lenient(z.array(attachmentSchema)),
  location: lenient(locationSchema),
  /** A voice note's or audio's words (TRANSCRIPTION_MODEL): the agent answers them like text. */
  transcript: lenient(z.string()),
  /** A contact card the customer shared. */
  contact: lenient(z.object({ name: nameSchema, phone: nameSchema })),
  /** What the platform tells about the sender (Telegram's from, WhatsApp's contacts and BSUID). */
  sender: lenient(
    z.object({ name: nameSchema, username: nameSchema, userId: nameSchema, phone: nameSchema }),
  ),

  // Staff messages.
  /** The name of the staff member who wrote it, as it was then. */
  authorName: lenient(z.string()),
  /**
   * Who wrote a staff message: a staff member in the console (absent), or the business in the
   * platform's own app (`platform_app`: the Instagram app, the WhatsApp Business app), whose echo we
   * stored. The console names the app by the message's channel.
   */
  authorKind: lenient(z.enum(MESSAGE_AUTHOR_KINDS)),

  // Staff notes (role "note").
  /** The staff members the note mentions (`@name`), by user id. */
  mentions: lenient(z.array(z.string())),
  /**
   * Everyone the note has told of itself so far (its mentions as added, and each edit's new ones), so an
   * edit that takes a mention out and puts it back tells that colleague nothing twice.
   */
  notified: lenient(z.array(z.string())),
  /** When its author last edited it. */
  editedAt: lenient(z.string()),
  /** When its author deleted it: the note stays as a "note deleted" line, its text is gone. */
  deletedAt: lenient(z.string()),
});

/** As read back: every field optional. */
export type MessageMetadata = z.output<typeof messageMetadataSchema>;
/** As written. */
export type MessageMetadataInput = z.input<typeof messageMetadataSchema>;

/** The one reader of message metadata: never throws, whatever a row holds (not an object reads as {}). */
export function parseMessageMetadata(raw: unknown): MessageMetadata {
  const parsed = messageMetadataSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}
