import { normalizeForMatching } from "../normalize";

// Letters that look alike in Latin and Cyrillic (after lower-casing): a word mixing both scripts is
// written in the script most of its letters use ("тeмпература" with a Latin e is "температура").
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  i: "і",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;

function foldLookAlikes(word: string): string {
  if (!HAS_CYRILLIC.test(word) || !HAS_LATIN.test(word)) return word;
  const cyrillic = word.match(CYRILLIC)?.length ?? 0;
  const latin = word.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 || latin === 0) return word;
  const map = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return [...word].map((letter) => map[letter] ?? letter).join("");
}

// Hamza carriers and Persian/Urdu keyboard forms, on top of the shared Arabic foldings.
function foldArabic(text: string): string {
  return text.replace(/ؤ/g, "و").replace(/ئ/g, "ي").replace(/ک/g, "ك").replace(/ی/g, "ي");
}

/**
 * A message's words for the safety net: the shared matching normalization, Arabic letter variants,
 * apostrophes dropped ("can't" → "cant"), digits split from letters ("500mg" → "500 mg"), and
 * look-alike letters folded per word.
 */
export function foldedWords(text: string): string[] {
  const normalized = foldArabic(normalizeForMatching(text)).replace(/'/g, "");
  const words = normalized.match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? [];
  return words.map((word) => foldLookAlikes(word).replace(/і/g, "и"));
}

// Arabic joins "and"/"so", the prepositions b-/l-/k- and the article to the next word: "والتهاب",
// "بالصدر", "لالتهاب". Each reading of the word is tried; lexicon entries carry their own article when
// they need it.
const CONJUNCTIONS = ["و", "ف"];
const PREPOSITIONS = ["ب", "ل", "ك"];

/** The ways a word can be read: itself and, for Arabic, without its joined prefixes. */
export function wordReadings(word: string): string[] {
  if (!/^\p{Script=Arabic}/u.test(word) || word.length < 3) return [word];
  const readings = new Set([word]);
  const strip = (value: string, prefixes: readonly string[]) =>
    prefixes.flatMap((prefix) =>
      value.startsWith(prefix) && value.length - prefix.length >= 2
        ? [value.slice(prefix.length)]
        : [],
    );
  for (const a of [word, ...strip(word, CONJUNCTIONS)]) {
    readings.add(a);
    for (const b of [a, ...strip(a, PREPOSITIONS)]) {
      readings.add(b);
      if (b.startsWith("ال") && b.length >= 4) readings.add(b.slice(2));
      if (b.startsWith("لل") && b.length >= 4) readings.add(b.slice(2));
    }
  }
  return [...readings];
}
