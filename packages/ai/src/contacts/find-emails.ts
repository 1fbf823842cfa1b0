import type { TextRange } from "./mask-ranges";

const LOCAL = String.raw`[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;
// A top-level domain stops where its script stops, so "anna@mail.ruпишите" yields "anna@mail.ru".
const TLD = [
  String.raw`[a-z]{2,24}(?![a-z\-])`,
  String.raw`xn--[a-z0-9\-]{2,59}(?![a-z0-9\-])`,
  String.raw`\p{Script=Cyrillic}{2,24}(?!\p{L})`,
  String.raw`\p{Script=Arabic}{2,24}(?!\p{L})`,
].join("|");
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-@])${LOCAL}@(?:${LABEL}\.)+(?:${TLD})`,
  "giu",
);

export interface FoundEmail extends TextRange {
  email: string;
}

// An ASCII address typed straight after a Cyrillic or Arabic word: "почтаivan@mail.ru".
const GLUED_WORD = /^[^\p{ASCII}]+(?=[\p{ASCII}]+@)/u;

/** E-mail addresses with a dotted domain; "@handle" and "user@" have no local part or domain. */
export function findEmails(text: string): FoundEmail[] {
  return Array.from(text.matchAll(EMAIL), (match) => {
    const glued = GLUED_WORD.exec(match[0])?.[0].length ?? 0;
    return {
      email: match[0].slice(glued).toLowerCase(),
      start: match.index + glued,
      end: match.index + match[0].length,
    };
  });
}
