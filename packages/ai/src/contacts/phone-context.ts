import { NEGATIVE_WORDS, POSITIVE_WORDS, keywordSource } from "./context-keywords";

export type ContextVerdict = "negative" | "positive" | "neutral";

// "booking number is", "трек-номер", "policy no.": the generic "number" after an identifier word
// belongs to the identifier, so it must not count as a phone cue of its own.
const NUMBER_WORD = String.raw`number|no\.?|num|nr|#|№|id|code|ref|номер\p{L}*|код\p{L}*`;
const TRAILING_NUMBER_WORD = String.raw`(?:[\s:.#№-]*(?:${NUMBER_WORD}))?(?:\s*(?:is|:))?`;
const NEGATIVE = new RegExp(`(?:${keywordSource(NEGATIVE_WORDS)})${TRAILING_NUMBER_WORD}`, "giu");
const POSITIVE = new RegExp(keywordSource(POSITIVE_WORDS), "giu");

const WINDOW = 48;
// A negative word only labels digits that follow it closely ("Order #123", "ИНН 7707…").
const NEGATIVE_REACH = 24;
// Clause boundaries: a keyword before them describes something else. Short abbreviations with a dot
// ("тел.", "no.") are not boundaries; a dot after a longer word ends a sentence.
const BOUNDARY = /[\n!?;,]|\d|\p{L}{4,}\.\s/gu;

function lastEnd(pattern: RegExp, text: string): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/** What the words just before `start` say about the digits that begin there. */
export function contextBefore(text: string, start: number): ContextVerdict {
  let window = text.slice(Math.max(0, start - WINDOW), start);
  const boundary = lastEnd(BOUNDARY, window);
  if (boundary >= 0) window = window.slice(boundary);
  const negative = lastEnd(NEGATIVE, window);
  const positive = lastEnd(POSITIVE, window);
  if (negative >= 0 && negative >= positive && window.length - negative <= NEGATIVE_REACH) {
    return "negative";
  }
  return positive >= 0 ? "positive" : "neutral";
}

const UNIT = new RegExp(
  "^\\s{0,2}(?:" +
    [
      "руб\\p{L}*|р\\.|р|₽|rub|rur|aed|dhs?|dirhams?|usd|\\$|€|eur|euros?|£|gbp|сум|som|sum|тенге",
      "₸|kzt|sar|egp|درهم|دراهم|ريال|جنيه|دولار|%|mg|мг|mcg|мкг|ml|мл|kg|кг|шт|pcs|шаг\\p{L}*",
      "steps?|km|км|лет|год\\p{L}*|years?|ملغ|مل|مجم|غرام|мин|min|сек|sec|раз\\p{L}*|сеанс\\p{L}*",
      "таблет\\p{L}*|tabs?|tablets?|units?|ед\\.|коп\\p{L}*|тыс\\p{L}*|млн|тр|т\\.р\\.",
    ].join("|") +
    ")(?![\\p{L}])",
  "iu",
);

/** Currency, percent or a unit right after the digits: "3500 руб", "500 mg", "20%". */
export function unitFollows(text: string, end: number): boolean {
  return UNIT.test(text.slice(end, end + 16));
}

const LATIN_WORD_END = /[A-Za-z]+$/;
const GLUED_OK = /^(?:tel|phone|mob|mobile|cell|number|no|whatsapp|wa|call|contact)$/i;

/**
 * Digits glued to a preceding Latin word are a code ("AE07…", "N12345678", "INV2025…"), unless the
 * word is a phone cue typed without a space ("number+971…").
 */
export function gluedAfterCode(text: string, start: number): boolean {
  const word = LATIN_WORD_END.exec(text.slice(Math.max(0, start - 16), start))?.[0];
  return word !== undefined && !GLUED_OK.test(word);
}

/** Latin letters right after the digits: "500mg", "10am", "A1B2". */
export function gluedBeforeLetters(text: string, end: number): boolean {
  return /[A-Za-z]/.test(text.charAt(end));
}
