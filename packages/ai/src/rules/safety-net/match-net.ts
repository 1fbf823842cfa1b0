import type { SafetyNetCategory } from "@agents-crm/config/agent-config";
import { GAP, type CompiledCategory, type CompiledNet, type Term } from "./compile-net";
import { foldedWords, isArabizi, isEnglish, wordReadings, type LatinReading } from "./fold-text";
import { wordMatches } from "./word-pattern";

export interface CategoryMatch {
  category: SafetyNetCategory;
  /** The message's words that decided it (folded), deciding ones first. */
  words: string[];
}

const MAX_GAP = 3;
const MAX_WORDS = 6;
// A gap in a service question ("does ~ hurt") may not hold the customer's own body: "does my tooth
// hurt because…" is a symptom, "does whitening hurt" is not.
const PERSONAL = new Set(["my", "me", "i", "im", "мой", "моя", "мое", "мои", "меня", "мне", "у"]);

interface Message {
  words: string[];
  /** Per word, the pattern ids it matches. */
  matched: Set<number>[];
  /** Per pattern id, the positions of the words it matches: a phrase is only tried where it starts. */
  positions: Map<number, number[]>;
}

const WORD_CACHE_LIMIT = 20_000;

/** The pattern ids one word matches, remembered per net: customers reuse the same words all day. */
function patternsOf(net: CompiledNet, word: string, latin: LatinReading): Set<number> {
  // A Latin word reads differently in an Arabizi or English message: each gets its own cache entry.
  const key = latin === "russian" ? word : `${latin}\u0000${word}`;
  const cached = net.wordCache.get(key);
  if (cached) return cached;
  const ids = new Set<number>();
  for (const reading of wordReadings(word, latin)) {
    for (const id of net.byFirstLetter.get(reading[0]!) ?? []) {
      if (!ids.has(id) && wordMatches(net.patterns[id]!, reading)) ids.add(id);
    }
  }
  if (net.wordCache.size >= WORD_CACHE_LIMIT) net.wordCache.clear();
  net.wordCache.set(key, ids);
  return ids;
}

function readMessage(net: CompiledNet, text: string): Message {
  const words = foldedWords(text);
  const latin: LatinReading = isArabizi(words)
    ? "arabizi"
    : isEnglish(words)
      ? "english"
      : "russian";
  const matched = words.map((word) => patternsOf(net, word, latin));
  const positions = new Map<number, number[]>();
  matched.forEach((ids, at) => {
    for (const id of ids) {
      const list = positions.get(id);
      if (list) list.push(at);
      else positions.set(id, [at]);
    }
  });
  return { words, matched, positions };
}

/** The end (exclusive) of the term matched from `start`, or -1. */
function matchFrom(term: Term, message: Message, masked: boolean[], start: number): number {
  const step = (part: number, at: number): number => {
    if (part === term.parts.length) return at;
    const id = term.parts[part]!;
    if (id === GAP) {
      for (let skip = 0; skip <= MAX_GAP; skip++) {
        const word = message.words[at + skip - 1];
        if (skip > 0 && (word === undefined || PERSONAL.has(word))) break;
        const end = step(part + 1, at + skip);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (at >= message.words.length || masked[at] || !message.matched[at]!.has(id)) return -1;
    return step(part + 1, at + 1);
  };
  return step(0, start);
}

type Span = [start: number, end: number];

// Per list of terms, its terms by their first pattern id: a message is only tried on the terms that
// can start at one of its words, not on the whole lexicon.
const firstIndex = new WeakMap<readonly Term[], Map<number, number[]>>();
function indexOf(terms: readonly Term[]): Map<number, number[]> {
  let index = firstIndex.get(terms);
  if (!index) {
    index = new Map();
    terms.forEach((term, at) => {
      const list = index!.get(term.parts[0]!);
      if (list) list.push(at);
      else index!.set(term.parts[0]!, [at]);
    });
    firstIndex.set(terms, index);
  }
  return index;
}

function findSpans(terms: readonly Term[], message: Message, masked: boolean[]): Span[] {
  const index = indexOf(terms);
  const found: [term: number, span: Span][] = [];
  for (const [id, starts] of message.positions) {
    for (const at of index.get(id) ?? []) {
      for (const start of starts) {
        const end = matchFrom(terms[at]!, message, masked, start);
        if (end > start) found.push([at, [start, end]]);
      }
    }
  }
  // In the lexicon's order, as before the index: the words a hand-over names do not depend on it.
  return found.sort((x, y) => x[0] - y[0] || x[1][0] - y[1][0]).map(([, span]) => span);
}

function matchCategory(
  category: CompiledCategory,
  message: Message,
  unmasked: boolean[],
): CategoryMatch | null {
  const masked = [...unmasked];
  for (const [start, end] of findSpans(category.innocent, message, unmasked)) {
    masked.fill(true, start, end);
  }
  const deciding = findSpans(category.phrases, message, masked);
  for (const [a, b] of category.pairs) {
    const first = findSpans(a, message, masked);
    if (first.length === 0) continue;
    const second = findSpans(b, message, masked);
    // Two different places in the message: one word in both groups ("report") is not a pair.
    const pair = first
      .flatMap((x) => second.map((y): [Span, Span] => [x, y]))
      .find(([x, y]) => x[1] <= y[0] || y[1] <= x[0]);
    if (pair) deciding.push(...pair);
  }
  if (deciding.length === 0) return null;
  const spans = [...deciding, ...findSpans(category.context, message, masked)];
  const words = [...new Set(spans.map(([s, e]) => message.words.slice(s, e).join(" ")))];
  return { category: category.category, words: words.slice(0, MAX_WORDS) };
}

/** Every category of the net the text falls in, most severe first. */
export function matchNet(net: CompiledNet, text: string): CategoryMatch[] {
  const message = readMessage(net, text);
  const none = message.words.map(() => false);
  return net.categories.flatMap((category) => matchCategory(category, message, none) ?? []);
}
