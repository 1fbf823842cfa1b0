import { bestSentences } from "./match-sentences";
import { questionParts } from "./question-parts";
import type { PromptExcerpt } from "./read-prompt";

export interface KnowledgeAnswer {
  /** Sentences of the knowledge, quoted as written, in the order the customer asked. */
  sentences: string[];
  excerptIds: string[];
  /** Something the customer asked has nothing in the knowledge, next to what it does answer. */
  missed: boolean;
}

const MAX_SENTENCES = 6;

/**
 * Answers each question of a message from the knowledge: "What are your hours and the price of a
 * cleaning?" gets the hours and the price. Where a message asks questions, the rest of it ("I'm a
 * new patient.") is context, not something to answer. Null when nothing in the knowledge matches.
 */
export function answerFromKnowledge(
  message: string,
  excerpts: readonly PromptExcerpt[],
): KnowledgeAnswer | null {
  const parts = questionParts(message);
  if (parts.length <= 1) {
    const match = bestSentences(message, excerpts);
    if (!match) return null;
    return { sentences: match.sentences, excerptIds: [match.excerpt.id], missed: false };
  }
  const asking = parts.filter((part) => part.asks);
  const sentences: string[] = [];
  const excerptIds: string[] = [];
  let missed = false;
  for (const part of asking.length > 0 ? asking : parts) {
    const match = bestSentences(part.text, excerpts);
    if (!match) {
      missed ||= part.asks;
      continue;
    }
    for (const sentence of match.sentences)
      if (!sentences.includes(sentence)) sentences.push(sentence);
    if (!excerptIds.includes(match.excerpt.id)) excerptIds.push(match.excerpt.id);
  }
  if (sentences.length === 0) return null;
  return { sentences: sentences.slice(0, MAX_SENTENCES), excerptIds, missed };
}
