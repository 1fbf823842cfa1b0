import { z } from "zod";
import { MAX_MESSAGE_CHARS } from "./conversations";

/**
 * The staff copilot: a suggested reply streamed into the composer, and translations of customer
 * messages and of staff drafts. Nothing here reaches the customer until a person sends it.
 */

/** A text to translate: one message or one draft, so never more than a message may hold. */
export const MAX_TRANSLATE_CHARS = MAX_MESSAGE_CHARS;

/** Suggestions and translations one staff account may ask for per minute: each one is an LLM call. */
export const COPILOT_CALLS_PER_MINUTE = 20;

/**
 * A language as a BCP 47 tag ("en", "ru", "pt-BR"), or "customer": the language the customer writes in,
 * which the model works out from the conversation.
 */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/, "must be a language tag such as en or pt-BR");
export const translateTargetSchema = z.union([z.literal("customer"), languageTagSchema]);
export type TranslateTarget = z.infer<typeof translateTargetSchema>;

/** What `conversations.suggestReply` streams: deltas of the draft, then the whole cleaned draft. */
export type SuggestionEvent =
  | { type: "start"; offline: boolean; model: string }
  | { type: "delta"; text: string }
  | { type: "done"; text: string; sources: { sourceId: string; title: string }[] };
