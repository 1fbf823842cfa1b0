import type { Embedder, EmbeddingResult } from "../providers/types";
import { fnv1a } from "./fnv-hash";
import { normalizeForMatching, wordTokens } from "./normalize-text";
import { normalizeInPlace } from "./vector-math";
import { STOP_WORDS } from "./stop-words";

export const HASHED_EMBEDDING_MODEL = "local-hashed-ngrams-v1";
export const DEFAULT_HASHED_DIMENSIONS = 512;

const WORD_SEED = 0x9e3779b9;
const STEM_SEED = 0x3c6ef372;
const NGRAM_SEED = 0x7f4a7c15;
const MIN_NGRAM = 3;
const MAX_NGRAM = 5;
// A word's first letters stand in for its stem (located/location, адрес/адресу, experience/experienced);
// n-grams carry the rest of the fuzzy matching. Stop words keep a trace so a query of only them still matches.
const WORD_WEIGHT = 1;
const STEM_WEIGHT = 2;
const STEM_LENGTH = 5;
const NGRAM_WEIGHT = 1;
const STOP_WORD_WEIGHT = 0.2;
// Every vector also carries the same constant component, which turns cosine c into (c + B²) / (1 + B²): a
// monotonic shift, so rankings don't change, that puts hashed scores on the scale of OpenAI's embeddings,
// the scale agents' `score_threshold` (0.2 by default) is written for. Without it a short question and the
// long chunk that answers it often score 0.12–0.2 and the default threshold would drop the answer.
const BIAS_SQUARED = 0.1;

export interface HashedEmbedderOptions {
  dimensions?: number;
}

/**
 * Deterministic local embeddings, no model and no network: normalised words, their stems and character
 * 3–5-grams are hashed with signs into buckets, weighted by sublinear term frequency, and L2-normalised.
 */
export function createHashedEmbedder(options: HashedEmbedderOptions = {}): Embedder {
  const dimensions = options.dimensions ?? DEFAULT_HASHED_DIMENSIONS;
  if (!Number.isInteger(dimensions) || dimensions < 2) {
    throw new RangeError(`dimensions must be an integer ≥ 2, got ${dimensions}`);
  }
  return {
    model: HASHED_EMBEDDING_MODEL,
    dimensions,
    async embed(texts: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
      signal?.throwIfAborted();
      const started = performance.now();
      let tokens = 0;
      const vectors = texts.map((text) => {
        const words = wordTokens(normalizeForMatching(text));
        tokens += words.length;
        return hashWords(words, dimensions);
      });
      return {
        vectors,
        metrics: {
          step: "embedding",
          model: HASHED_EMBEDDING_MODEL,
          usage: { promptTokens: tokens, completionTokens: 0, totalTokens: tokens },
          latencyMs: performance.now() - started,
          costUsd: 0,
          attempts: 1,
        },
      };
    },
  };
}

function hashWords(words: string[], dimensions: number): Float32Array {
  const wordCounts = new Map<number, number>();
  const stemCounts = new Map<number, number>();
  const stopCounts = new Map<number, number>();
  const ngramCounts = new Map<number, number>();
  for (const word of words) {
    const hash = fnv1a(word, 0, word.length, WORD_SEED);
    if (STOP_WORDS.has(word)) {
      increment(stopCounts, hash);
      continue;
    }
    increment(wordCounts, hash);
    const stem = stemOf(word);
    if (stem) increment(stemCounts, fnv1a(stem, 0, stem.length, STEM_SEED));
    const bounded = `<${word}>`;
    for (let size = MIN_NGRAM; size <= MAX_NGRAM; size++) {
      for (let start = 0; start + size <= bounded.length; start++) {
        increment(ngramCounts, fnv1a(bounded, start, start + size, NGRAM_SEED));
      }
    }
  }
  const vector = new Float32Array(dimensions);
  const features = vector.subarray(0, dimensions - 1);
  addFeatures(features, wordCounts, WORD_WEIGHT);
  addFeatures(features, stemCounts, STEM_WEIGHT);
  addFeatures(features, stopCounts, STOP_WORD_WEIGHT);
  addFeatures(features, ngramCounts, NGRAM_WEIGHT);
  normalizeInPlace(features);
  vector[dimensions - 1] = Math.sqrt(BIAS_SQUARED);
  return normalizeInPlace(vector);
}

function stemOf(word: string): string | undefined {
  // The Arabic article is written onto its noun (الساعات = the hours): the stem starts after it.
  const bare = word.length > 4 && word.startsWith("\u0627\u0644") ? word.slice(2) : word;
  return bare.length >= STEM_LENGTH ? bare.slice(0, STEM_LENGTH) : undefined;
}

function increment(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function addFeatures(vector: Float32Array, counts: Map<number, number>, weight: number): void {
  for (const [hash, count] of counts) {
    // The sign comes from a bit the bucket doesn't use, so colliding features cancel instead of piling up.
    const bucket = (hash & 0x7fffffff) % vector.length;
    const sign = hash & 0x80000000 ? -1 : 1;
    vector[bucket] = (vector[bucket] ?? 0) + sign * weight * (1 + Math.log(count));
  }
}
