// Diacritics are dropped only where readers treat them as optional: accents on Latin/Greek/Cyrillic letters
// ("café" = "cafe", "ё" = "е") and Arabic harakat/hamza carriers. Marks that are letters' vowels in other
// scripts (Devanagari, Thai, …) are kept, or words there would collapse into each other.
const CASED_LETTER_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+/gu;
const ARABIC_MARKS =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

/** NFKC, lower case, optional diacritics removed, Arabic letter variants unified. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize("NFKD")
    .replace(CASED_LETTER_MARKS, "$1")
    .replace(ARABIC_MARKS, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647");
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Word tokens of already normalised text. */
export function wordTokens(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}
