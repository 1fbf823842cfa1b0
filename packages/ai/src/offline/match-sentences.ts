import { keywordPattern } from "../rules/keyword-pattern";
import { detectScriptLanguage } from "../rules/language";
import { normalizeForMatching } from "../rules/normalize";
import { TOPICS } from "./phrases";
import type { PromptExcerpt } from "./read-prompt";
import { contentStems, stem, stemsMatch } from "./tokens";

export interface SentenceMatch {
  excerpt: PromptExcerpt;
  sentences: string[];
  score: number;
}

const ABBREVIATION = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|St|No|vs|e\.g|i\.e)\.$/i;

export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let pending = "";
    for (const piece of line.split(/(?<=[.!?])\s+/)) {
      pending = pending ? `${pending} ${piece}` : piece;
      if (!ABBREVIATION.test(pending)) {
        if (pending.trim()) out.push(pending.trim());
        pending = "";
      }
    }
    if (pending.trim()) out.push(pending.trim());
  }
  return out;
}

const topicPatterns = TOPICS.map((topic) => ({
  triggers: topic.triggers.map((trigger) => keywordPattern(trigger)!),
  stems: topic.words.map((word) => stem(normalizeForMatching(word))),
}));

/** The question's content stems plus the words of every topic it asks about. */
export function questionStems(question: string): Set<string> {
  const stems = contentStems(question);
  const normalized = normalizeForMatching(question);
  for (const topic of topicPatterns) {
    if (topic.triggers.some((pattern) => pattern.test(normalized)))
      for (const s of topic.stems) stems.add(s);
  }
  return stems;
}

function overlap(question: Set<string>, text: string): number {
  const stems = [...contentStems(text)];
  let score = 0;
  for (const wanted of question) if (stems.some((s) => stemsMatch(wanted, s))) score += 1;
  return score;
}

/**
 * The excerpt whose sentences share the most content words with the question, and its (at most two)
 * best-scoring sentences in their original order. Null when no sentence shares a single content word.
 */
export function bestSentences(
  question: string,
  excerpts: readonly PromptExcerpt[],
): SentenceMatch | null {
  const wanted = questionStems(question);
  const language = detectScriptLanguage(question);
  // Bilingual knowledge: a sentence in another script than the question only wins when nothing else matches.
  const score = (sentence: string) => {
    const raw = overlap(wanted, sentence);
    const sameScript = language === null || detectScriptLanguage(sentence) === language;
    return sameScript ? raw : raw / 2;
  };
  if (wanted.size === 0) return null;
  let best: {
    excerpt: PromptExcerpt;
    scored: { sentence: string; score: number; index: number }[];
    top: number;
  } | null = null;
  for (const excerpt of excerpts) {
    const titleBonus = overlap(wanted, excerpt.title) > 0 ? 0.5 : 0;
    const scored = sentencesOf(excerpt.content).map((sentence, index) => ({
      sentence,
      index,
      score: score(sentence),
    }));
    const top = Math.max(0, ...scored.map((s) => s.score));
    if (top === 0) continue;
    if (!best || top + titleBonus > best.top) best = { excerpt, scored, top: top + titleBonus };
  }
  if (!best) return null;
  const topScore = Math.max(...best.scored.map((s) => s.score));
  const tied = best.scored.filter((s) => s.score === topScore);
  // Bilingual knowledge says the same thing twice: answer in the customer's script when a tie allows.
  // With nothing in theirs (an Arabic question, English and Russian knowledge), English over the rest.
  const inScript = (script: string | null) =>
    tied.filter((s) => detectScriptLanguage(s.sentence) === script);
  const own = inScript(language);
  const english = inScript("en");
  const chosen = (own.length > 0 ? own : english.length > 0 ? english : tied)
    .sort((a, b) => a.index - b.index)
    .slice(0, 2);
  return { excerpt: best.excerpt, sentences: chosen.map((s) => s.sentence), score: topScore };
}
