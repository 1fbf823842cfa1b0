import { createHash } from "node:crypto";
import { normalizeForMatching, wordTokens } from "../rag/normalize-text";
import { STOP_WORDS } from "../rag/stop-words";

const wordSet = (lines: string[]) =>
  new Set(lines.join(" ").split(" ").filter(Boolean).map(normalizeForMatching));

// Small talk: a message made only of these is not a question the knowledge lacks.
const PLEASANTRIES = wordSet([
  "hi hello hey thanks thank ok okay yes bye goodbye good morning evening afternoon night great fine",
  "sure cool nice welcome",
  "привет здравствуйте здравствуй добрый день вечер утро спасибо благодарю ок окей ладно хорошо",
  "пока свидания отлично понятно ясно",
  "مرحبا شكرا السلام عليكم اهلا نعم حسنا",
]);

// How a question is asked, not what about: "how much does whitening cost" and "whitening price" are one
// gap, "how much is whitening" and "how much are implants" are two.
const FRAME_WORDS = wordSet([
  "much many cost costs price prices please tell know want need like get take accept offer provide",
  "available possible any about help",
  "сколько стоит стоят стоимость цена цены можно подскажите скажите хочу нужно ли",
  "كم سعر",
]);

/** The words that say what a question is about: normalised, without stop, frame and small-talk words. */
export function topicWords(text: string): string[] {
  return wordTokens(normalizeForMatching(text)).filter(
    (word) =>
      !STOP_WORDS.has(word) &&
      !FRAME_WORDS.has(word) &&
      !PLEASANTRIES.has(word) &&
      !/^\p{N}+$/u.test(word),
  );
}

/** Whether a customer's message asks about something (not "hi", "thanks", "ok", "how much?"). */
export function asksSomething(text: string): boolean {
  return topicWords(text).length > 0;
}

/**
 * A stable id for a question: the same topic words in any order, case or punctuation give the same id,
 * so two turns asking the same thing at once collide on one group instead of making two.
 */
export function gapGroupId(text: string): string {
  const words = [...new Set(topicWords(text))].sort();
  return createHash("sha256").update(words.join(" ")).digest("base64url").slice(0, 16);
}
