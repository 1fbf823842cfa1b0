import { normalizeForMatching } from "./normalize";

const WORD = "[\\p{L}\\p{M}\\p{N}]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A keyword as a whole-word, Unicode-aware pattern: words of a phrase may be separated by any
 * whitespace, a trailing `*` matches any ending ("болит*"), and a letter group in brackets directly
 * after a word is optional, as Russian writes gendered forms ("был(а)" = был or была).
 */
export function keywordPattern(keyword: string): RegExp | null {
  let text = normalizeForMatching(keyword).trim();
  const prefix = text.endsWith("*");
  if (prefix) text = text.slice(0, -1).trimEnd();
  if (text === "") return null;
  const body = text
    .split(/\s+/)
    .map((word) =>
      escapeRegExp(word).replace(
        /(?<=\p{L})\\\((\p{L}+)\\\)/gu,
        (_, letters: string) => `(?:${letters})?`,
      ),
    )
    .join("\\s+");
  const tail = prefix ? `${WORD}*` : "";
  return new RegExp(`(?<!${WORD})${body}${tail}(?!${WORD})`, "u");
}
