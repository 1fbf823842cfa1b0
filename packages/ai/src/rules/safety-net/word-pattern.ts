import { withinEditDistance } from "./edit-distance";

export interface WordPattern {
  text: string;
  /** Any ending is allowed ("болит*"). */
  stem: boolean;
  /** Written with `=`: never matched with a typo. */
  exact: boolean;
}

// How many typos a word may carry and still count: none in short words, where one letter makes
// another word ("fever"/"fewer", "боль"/"роль"), one from six letters, two from nine.
function typoLimit(pattern: WordPattern): number {
  if (pattern.exact) return 0;
  const length = pattern.text.length;
  if (pattern.stem) return length >= 6 ? 1 : 0;
  if (length >= 9) return 2;
  return length >= 6 ? 1 : 0;
}

/** Whether one reading of a message word is this pattern, allowing its typo limit. */
export function wordMatches(pattern: WordPattern, reading: string): boolean {
  const { text } = pattern;
  if (pattern.stem ? reading.startsWith(text) : reading === text) return true;
  const limit = typoLimit(pattern);
  // Typos rarely touch the first two letters; requiring them keeps "spelling" from being "swelling".
  if (limit === 0 || reading[0] !== text[0] || reading[1] !== text[1]) return false;
  if (!pattern.stem) return withinEditDistance(reading, text, limit);
  for (
    let length = text.length - 1;
    length <= Math.min(reading.length, text.length + 1);
    length++
  ) {
    if (withinEditDistance(reading.slice(0, length), text, 1)) return true;
  }
  return false;
}
