const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * One spelling for matching keywords: NFKC (full-width and ligature forms), lower case, ё→е, typographic
 * apostrophes, and the usual Arabic foldings (diacritics and tatweel dropped, alef/ya/ta-marbuta forms).
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(ARABIC_MARKS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
}
