// Code points of the digit zero in the scripts customers type numbers in; the nine digits follow it.
const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic ٠
  0x06f0, // Extended Arabic-Indic (Persian/Urdu) ۰
  0x0966, // Devanagari ०
  0xff10, // full-width ０
];

const REPLACEMENTS: Record<string, string> = {
  "\uff0b": "+",
  "\uff08": "(",
  "\uff09": ")",
  "\uff20": "@",
  "\uff0e": ".",
  "\uff0d": "-",
  "\u2212": "-",
  "\ufe63": "-",
  "\u066b": ".", // Arabic decimal separator
  "\u066c": ",", // Arabic thousands separator
  "\u066a": "%",
  "\u060c": ",", // Arabic comma
  "\u061b": ";",
  "\u061f": "?",
};

// Bidi controls and zero-width characters: invisible, but they split digit runs in RTL messages.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/gu;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu;
const DASHES = /[\u2010-\u2015]/gu;

function digitValue(code: number): number | null {
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return code - zero;
  }
  return null;
}

/** Maps every script's digits to ASCII and unifies the punctuation that phone numbers use. */
export function normalizeContactText(text: string): string {
  let out = "";
  for (const char of text.replace(INVISIBLE, "").replace(SPACES, " ").replace(DASHES, "-")) {
    const value = digitValue(char.charCodeAt(0));
    out += value === null ? (REPLACEMENTS[char] ?? char) : String(value);
  }
  return out;
}
