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

// Arabic-Indic and Persian digits read as ASCII ones: "٣٩" is 39.
function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, ".");
}

/**
 * A message's words for the safety net: the shared matching normalization, Arabic letter variants and
 * digits, apostrophes dropped ("can't" → "cant"), digits split from letters ("500mg" → "500 mg") but a
 * decimal kept whole ("38.5"), and look-alike letters folded per word.
 */
export function foldedWords(text: string): string[] {
  const normalized = foldDigits(foldArabic(normalizeForMatching(text))).replace(/'/g, "");
  const tokens = normalized.match(/[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)?/gu) ?? [];
  const words = tokens.flatMap((token) =>
    ARABIZI_WORD.test(token)
      ? [token]
      : (token.match(/[\p{L}\p{M}]+|\p{N}+(?:[.,]\p{N}+)?/gu) ?? []),
  );
  return words.map((word) => foldLookAlikes(word).replace(/і/g, "и"));
}

// Arabic typed in Latin letters and digits ("3ndi wja3", "7arara"): a digit for a letter inside a
// word, not a number with its unit ("3mg", "2x", "5yo").
const ARABIZI_WORD =
  /^(?=[a-z2-9]*[a-z][2-9]|[2-9][a-z])(?![0-9]+(?:mg|ml|mcg|g|kg|x|am|pm|h|hrs?|d|st|nd|rd|th|yo|y|yrs?|mo|min|k|mm|cm|km|l)$)[a-z2-9]+$/;

// Words that only Arabizi writes: two of them make a message Arabizi even without digits.
const ARABIZI_MARKERS = new Set([
  "ya",
  "ana",
  "enta",
  "inta",
  "enti",
  "inti",
  "momken",
  "mumkin",
  "mmkn",
  "shu",
  "esh",
  "ish",
  "wesh",
  "mesh",
  "mish",
  "msh",
  "ma3",
  "leh",
  "lesh",
  "ezay",
  "kaman",
  "akhi",
  "habibi",
  "yalla",
  "bokra",
  "bukra",
  "3ndi",
  "andi",
  "3ando",
  "ande",
  "fe",
  "fih",
  "feeh",
  "kteer",
  "ktir",
  "awi",
  "wallah",
  "walla",
  "inshallah",
  "mafi",
  "mafish",
  "mfesh",
  "lazem",
  "lazim",
  "ba3d",
  "ba3den",
]);

/** Whether a message is written in Arabizi: then its Latin words are read as Arabic too. */
export function isArabizi(words: readonly string[]): boolean {
  if (words.some((word) => ARABIZI_WORD.test(word) && /[a-z]/.test(word))) return true;
  return words.filter((word) => ARABIZI_MARKERS.has(word)).length >= 2;
}

const ARABIZI: [string, string][] = [
  ["sh", "ش"],
  ["ch", "ش"],
  ["kh", "خ"],
  ["gh", "غ"],
  ["th", "ث"],
  ["dh", "ذ"],
  ["ou", "و"],
  ["aa", "ا"],
  ["ee", "ي"],
  ["ii", "ي"],
  ["oo", "و"],
  ["ai", "ي"],
  ["ay", "ي"],
  ["ei", "ي"],
  ["2", "ا"],
  ["3", "ع"],
  ["5", "خ"],
  ["6", "ط"],
  ["7", "ح"],
  ["8", "ق"],
  ["9", "ق"],
  ["b", "ب"],
  ["p", "ب"],
  ["t", "ت"],
  ["j", "ج"],
  ["g", "ج"],
  ["d", "د"],
  ["r", "ر"],
  ["z", "ز"],
  ["s", "س"],
  ["c", "ك"],
  ["f", "ف"],
  ["v", "ف"],
  ["q", "ق"],
  ["k", "ك"],
  ["l", "ل"],
  ["m", "م"],
  ["n", "ن"],
  ["h", "ه"],
  ["w", "و"],
  ["y", "ي"],
  ["o", "و"],
  ["u", "و"],
  ["x", "كس"],
];
/**
 * Arabizi spellings of a word: short vowels dropped, or read long, or the first dropped and the rest
 * long ("7arara" → "حراره"); a final "a" is an alef or a ta marbuta.
 */
export function arabiziReadings(word: string): string[] {
  const spell = (medialA: (index: number) => boolean, finalA: string): string => {
    let out = "";
    let medial = 0;
    for (let at = 0; at < word.length;) {
      const pair = ARABIZI.find(([latin]) => latin.length === 2 && word.startsWith(latin, at));
      if (pair) {
        out += pair[1];
        at += 2;
        continue;
      }
      const letter = word[at]!;
      if (letter === "a" || letter === "e" || letter === "i") {
        if (at === 0) out += "ا";
        else if (at === word.length - 1) out += letter === "a" ? finalA : "ي";
        else if (letter === "a" && medialA(medial++)) out += "ا";
        at++;
        continue;
      }
      const rule = ARABIZI.find(([latin]) => word.startsWith(latin, at));
      if (!rule) return "";
      out += rule[1];
      at += rule[0].length;
    }
    return out;
  };
  const readings = new Set<string>();
  for (const finalA of ["ا", "ه"]) {
    readings.add(spell(() => false, finalA));
    readings.add(spell(() => true, finalA));
    readings.add(spell((index) => index > 0, finalA));
  }
  return [...readings].filter((reading) => reading.length >= 2);
}

/** Any number reads as this too, so a lexicon can say "a value" ("гемоглобин #", "# mg"). */
export const NUMBER_READING = "#";
/** A body temperature (37.5–42 with a decimal) reads as "fever": "у малого 38.7" is a fever. */
const FEVER = /^(?:37[.,][5-9]|3[89][.,]\d|4[01][.,]\d|42[.,]0)$/;

// Russian typed in Latin letters ("zub bolit", "tabletki"): read as Cyrillic too. Longest first.
const TRANSLIT: [string, string][] = [
  ["shch", "щ"],
  ["sch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ya", "я"],
  ["yo", "е"],
  ["ye", "е"],
  ["iy", "ий"],
  ["yi", "ый"],
  ["oi", "ой"],
  ["ei", "ей"],
  ["ai", "ай"],
  ["a", "а"],
  ["b", "б"],
  ["v", "в"],
  ["w", "в"],
  ["g", "г"],
  ["d", "д"],
  ["e", "е"],
  ["z", "з"],
  ["i", "и"],
  ["j", "й"],
  ["k", "к"],
  ["q", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["u", "у"],
  ["f", "ф"],
  ["h", "х"],
  ["c", "к"],
  ["x", "кс"],
  ["y", "ы"],
];
function latinToCyrillic(word: string): string {
  let out = "";
  for (let at = 0; at < word.length;) {
    const rule = TRANSLIT.find(([latin]) => word.startsWith(latin, at));
    if (!rule) return "";
    out += rule[1];
    at += rule[0].length;
  }
  return out;
}

// Arabic possessive and object endings: "خدها" (her cheek) is "خد", "لثتي" (my gum) is "لثه".
const ARABIC_SUFFIXES = ["ها", "هم", "كم", "نا", "ني", "ه", "ي", "ك"];
function withoutArabicSuffix(word: string): string[] {
  const out: string[] = [];
  for (const suffix of ARABIC_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const base = word.slice(0, -suffix.length);
    out.push(base);
    if (base.endsWith("ت")) out.push(`${base.slice(0, -1)}ه`);
  }
  return out;
}

// Arabic joins "and"/"so", the prepositions b-/l-/k- and the article to the next word: "والتهاب",
// "بالصدر", "لالتهاب". Each reading of the word is tried; lexicon entries carry their own article when
// they need it.
const CONJUNCTIONS = ["و", "ف"];
const PREPOSITIONS = ["ب", "ل", "ك"];

// English function words are never Russian typed in Latin ("her" would read "хер"), and a message with
// two of them is English: none of its words is read as Russian.
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "a an and are as at be but by can could did do does for from had has have he her hers him his how " +
    "i if in is it its me my not of on or our she that the their them then there these they this " +
    "to us was we were what when where which who why will with would you your"
  ).split(" "),
);

/** Whether a message is English: then its Latin words are not read as Russian typed in Latin. */
export function isEnglish(words: readonly string[]): boolean {
  const found = new Set(
    words.filter((word) => word.length >= 3 && ENGLISH_FUNCTION_WORDS.has(word)),
  );
  return found.size >= 2;
}

/** How a message's Latin words are read besides themselves (see `isArabizi`, `isEnglish`). */
export type LatinReading = "arabizi" | "english" | "russian";

/** The ways a word can be read: itself and, for Arabic, without its joined prefixes. */
export function wordReadings(word: string, latin: LatinReading = "russian"): string[] {
  const arabizi = latin === "arabizi";
  if (arabizi && /^[a-z2-9]+$/.test(word) && /[a-z]/.test(word)) {
    return [word, ...arabiziReadings(word).flatMap((reading) => wordReadings(reading))];
  }
  if (/^\p{N}/u.test(word))
    return FEVER.test(word) ? [word, NUMBER_READING, "fever"] : [word, NUMBER_READING];
  if (/^[a-z]{3,}$/.test(word)) {
    if (latin === "english" || ENGLISH_FUNCTION_WORDS.has(word)) return [word];
    const cyrillic = latinToCyrillic(word);
    return cyrillic ? [word, cyrillic] : [word];
  }
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
  for (const reading of [...readings]) {
    if (reading.length >= 4) for (const base of withoutArabicSuffix(reading)) readings.add(base);
  }
  return [...readings];
}
