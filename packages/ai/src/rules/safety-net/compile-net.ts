import {
  SAFETY_NET_CATEGORIES,
  type AgentConfig,
  type SafetyNetCategory,
} from "@agents-crm/config/agent-config";
import { foldedWords, NUMBER_READING } from "./fold-text";
import type { CategoryLexicon } from "./lexicon-types";
import { BUILT_IN_LEXICONS } from "./lexicons";
import type { WordPattern } from "./word-pattern";

export const GAP = -1;

/** A phrase as pattern ids (GAP for `~`), with its text for the reason. */
export interface Term {
  parts: number[];
}

export interface CompiledCategory {
  category: SafetyNetCategory;
  phrases: Term[];
  pairs: [Term[], Term[]][];
  context: Term[];
  innocent: Term[];
}

export interface CompiledNet {
  patterns: WordPattern[];
  /** Pattern ids by their first letter: a word is only compared with patterns it could be. */
  byFirstLetter: Map<string, number[]>;
  categories: CompiledCategory[];
  /** Words already read, with the pattern ids they match (bounded; see match-net). */
  wordCache: Map<string, Set<number>>;
}

type Tuning = AgentConfig["escalation"]["safety_net"]["categories"][SafetyNetCategory];
type ListKind = "phrases" | "context" | "innocent";

function merged(category: SafetyNetCategory, tuning: Tuning | null): Required<CategoryLexicon> {
  const lexicons = BUILT_IN_LEXICONS.map((lexicon) => lexicon[category] ?? {});
  return {
    phrases: [...lexicons.flatMap((l) => l.phrases ?? []), ...(tuning?.extra_keywords ?? [])],
    pairs: lexicons.flatMap((l) => l.pairs ?? []),
    context: lexicons.flatMap((l) => l.context ?? []),
    innocent: [...lexicons.flatMap((l) => l.innocent ?? []), ...(tuning?.ignore_keywords ?? [])],
  };
}

/** The net for one agent: the built-in lexicons, its extra and ignored words, minus categories it switched off. */
export function compileNet(tunings: Record<SafetyNetCategory, Tuning> | null): CompiledNet {
  const patterns: WordPattern[] = [];
  const ids = new Map<string, number>();
  const byFirstLetter = new Map<string, number[]>();
  const patternId = (pattern: WordPattern): number => {
    const key = `${pattern.stem ? "*" : ""}${pattern.exact ? "=" : ""}${pattern.text}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = patterns.push(pattern) - 1;
      ids.set(key, id);
      const first = pattern.text[0]!;
      const bucket = byFirstLetter.get(first);
      if (bucket) bucket.push(id);
      else byFirstLetter.set(first, [id]);
    }
    return id;
  };
  const seen = new Map<string, Term | null>();
  const term = (entry: string): Term | null => {
    if (seen.has(entry)) return seen.get(entry)!;
    const parts: number[] = [];
    for (const raw of entry.trim().split(/\s+/)) {
      if (raw === "~") {
        parts.push(GAP);
        continue;
      }
      if (raw === NUMBER_READING) {
        parts.push(patternId({ text: NUMBER_READING, exact: true, stem: false }));
        continue;
      }
      const exact = raw.startsWith("=");
      const stem = raw.endsWith("*");
      const words = foldedWords(raw.replace(/^=/, "").replace(/\*$/, ""));
      words.forEach((text, index) =>
        parts.push(
          patternId({ text, exact, stem: stem && index === words.length - 1 && text.length > 1 }),
        ),
      );
    }
    while (parts[0] === GAP) parts.shift();
    const compiled = parts.length > 0 ? { parts } : null;
    seen.set(entry, compiled);
    return compiled;
  };

  const lexicons = new Map(
    SAFETY_NET_CATEGORIES.map((category) => [
      category,
      merged(category, tunings?.[category] ?? null),
    ]),
  );
  const expand = (entries: readonly string[], kind: ListKind): string[] =>
    entries.flatMap((entry) => {
      if (!entry.startsWith("@")) return [entry];
      const other = lexicons.get(entry.slice(1) as SafetyNetCategory);
      if (!other) throw new Error(`unknown safety-net category reference ${entry}`);
      return other[kind];
    });
  const terms = (entries: readonly string[], kind: ListKind): Term[] =>
    expand(entries, kind).flatMap((entry) => term(entry) ?? []);

  const categories = SAFETY_NET_CATEGORIES.filter(
    (category) => tunings?.[category].enabled !== false,
  ).map((category): CompiledCategory => {
    const lexicon = lexicons.get(category)!;
    return {
      category,
      phrases: terms(lexicon.phrases, "phrases"),
      pairs: lexicon.pairs.map(([a, b]) => [terms(a, "phrases"), terms(b, "phrases")]),
      context: terms(lexicon.context, "context"),
      innocent: terms(lexicon.innocent, "innocent"),
    };
  });
  return { patterns, byFirstLetter, categories, wordCache: new Map() };
}
