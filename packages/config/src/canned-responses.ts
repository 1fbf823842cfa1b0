import { z } from "zod";

/**
 * Canned responses: saved replies staff insert in the composer with `/shortcut`. The shapes and limits the
 * API, the store and the console share.
 */

/** A shortcut is what staff type after `/`: lower-case letters, digits, `-` and `_`, starting with a letter or digit. */
export const SHORTCUT_PATTERN = /^[\p{Ll}\p{Lo}0-9][\p{Ll}\p{Lo}0-9_-]*$/u;
export const MAX_SHORTCUT_CHARS = 32;
export const MAX_CANNED_CONTENT_CHARS = 4000;
export const MAX_CANNED_SEARCH = 100;
export const MAX_CANNED_PAGE = 100;
/** Responses one install keeps: the picker and the list stay quick and the set stays something people read. */
export const MAX_CANNED_RESPONSES = 1000;

/** Languages a response can be scoped to: the languages customers are answered in. */
export const CANNED_LANGUAGES = ["en", "ru", "ar"] as const;
export const cannedLanguageSchema = z.enum(CANNED_LANGUAGES);
export type CannedLanguage = z.infer<typeof cannedLanguageSchema>;

export const CANNED_SORTS = ["use", "shortcut"] as const;
export const cannedSortSchema = z.enum(CANNED_SORTS);
export type CannedSort = z.infer<typeof cannedSortSchema>;

/** Variables filled in when a response is inserted; any other `{name}` stays as typed so staff notice it. */
export const CANNED_VARIABLES = ["customer_name", "agent_name", "clinic_name"] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** Case-folded on the way in, so `/Hours` and `/hours` are one shortcut. */
export const shortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(MAX_SHORTCUT_CHARS)
  .regex(SHORTCUT_PATTERN, "letters, digits, '-' and '_' only, no spaces");

export const cannedContentSchema = z.string().trim().min(1).max(MAX_CANNED_CONTENT_CHARS);

/** One response as the API returns it. No agent / language: usable with every agent / in every language. */
export const cannedResponseSchema = z.object({
  responseId: z.string(),
  shortcut: z.string(),
  content: z.string(),
  agentId: z.string().optional(),
  language: cannedLanguageSchema.optional(),
  useCount: z.number().int(),
  lastUsedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().optional(),
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/**
 * `{customer_name}`, `{agent_name}` and `{clinic_name}` replaced by what is known; a variable with no value
 * (or one we do not know) is left as written, so the draft shows staff what to fill in by hand.
 */
export function fillCannedVariables(
  content: string,
  values: Partial<Record<CannedVariable, string | null | undefined>>,
): string {
  return content.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const value = (CANNED_VARIABLES as readonly string[]).includes(name)
      ? values[name as CannedVariable]?.trim()
      : undefined;
    return value ? value : whole;
  });
}
