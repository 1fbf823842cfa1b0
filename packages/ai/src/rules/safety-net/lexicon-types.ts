import type { SafetyNetCategory } from "@agents-crm/config/agent-config";

/**
 * One language's words for one category. Entries are phrases of whole words, written as people write
 * them (they are normalized like messages), separated by `|` or new lines: `word*` is a stem with any ending, `=word` is matched
 * exactly (never with a typo), `~` stands for up to three other words (none of them "my"/"мой"), `#` for any number,
 * `@category` in a pair group stands for that category's phrases.
 */
export interface CategoryLexicon {
  /** Each hands over on its own. */
  phrases?: readonly string[];
  /** Hands over when a phrase of each group occurs in the message, in either order. */
  pairs?: readonly (readonly [readonly string[], readonly string[]])[];
  /** Never decides, but is named with the deciding words when the category fires ("how much"). */
  context?: readonly string[];
  /** Service questions where the category's words are innocent ("does whitening hurt?"): masked first. */
  innocent?: readonly string[];
}

export type Lexicon = Partial<Record<SafetyNetCategory, CategoryLexicon>>;

/** A `|`- or line-separated list of entries. */
export function list(text: string): string[] {
  return text
    .split(/[|\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
