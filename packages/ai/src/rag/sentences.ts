// Terminators: . ! ? … (Latin, Cyrillic), ؟ ۔ (Arabic, Urdu), 。！？ (CJK), । ॥ (Devanagari), plus closing quotes.
const SENTENCE_END = /[.!?…؟۔。！？।॥]+["'»”’)\]]*(?=\s)/gu;
const LOWERCASE_START = /^\s*[\p{Ll}]/u;

// Lower-case, without the final dot. Single letters (initials: "A. S. Pushkin") are handled separately.
const ABBREVIATIONS = new Set(
  [
    "mr mrs ms dr prof sr jr st vs e.g i.e approx inc ltd co no tel fig",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "т.е т.к т.н др пр г гг ул д кв стр тел руб коп тыс млн млрд им см проф доц акад р-н пер пл просп обл напр",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Splits text into sentences, keeping every character: the pieces concatenate back to the input.
 * A terminator followed by a lower-case word, or a single dot after a known abbreviation or an initial,
 * does not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (continuesSentence(text, match[0], match.index, end)) continue;
    sentences.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

function continuesSentence(
  text: string,
  terminator: string,
  dotIndex: number,
  end: number,
): boolean {
  if (LOWERCASE_START.test(text.slice(end, end + 8))) return true;
  if (!/^\.(?!\.)/.test(terminator)) return false;
  const word =
    /[\p{L}\p{N}.-]*$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[0] ?? "";
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
