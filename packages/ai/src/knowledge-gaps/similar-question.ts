import { createHashedEmbedder } from "../rag/hashed-embedder";
import { topicWords } from "./gap-question";

const embedder = createHashedEmbedder();

// Groups' questions recur on every recording for their agent: their vectors are kept by text (2 KB
// each), the oldest dropped first, so a recording embeds only the new question.
const MAX_CACHED = 1000;
const cached = new Map<string, Float32Array>();

async function vectorsOf(texts: readonly string[]): Promise<Float32Array[]> {
  const missing = [...new Set(texts.filter((text) => !cached.has(text)))];
  if (missing.length > 0) {
    const { vectors } = await embedder.embed(missing.map((text) => topicWords(text).join(" ")));
    missing.forEach((text, index) => {
      const vector = vectors[index];
      if (vector) cached.set(text, vector);
    });
    for (const oldest of cached.keys()) {
      if (cached.size <= MAX_CACHED) break;
      cached.delete(oldest);
    }
  }
  return texts.map((text) => cached.get(text) ?? new Float32Array(embedder.dimensions));
}

/**
 * Cosine similarity of two questions' topic words (hashed n-gram embeddings, the offline retrieval's) at
 * which they are the same gap. Measured: "opening hours" / "opening hours on saturday" 0.81, "whitening" /
 * "teeth whitening" 0.79, "parking" / "parking near the clinic" 0.68, "отбеливание" / "отбеливания зубов"
 * 0.69, "braces for kids" / "braces for children" 0.63; apart: "pay by card" / "pay in installments"
 * 0.32, "whitening" / "implants" 0.09.
 */
export const SIMILAR_QUESTION = 0.55;

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/**
 * The candidate most like `question` at or above `threshold`, or null. Embedding is local, so the
 * candidates (one agent's groups, bounded) need no stored vectors: they are embedded here, once.
 */
export async function mostSimilar<T>(
  question: string,
  candidates: readonly T[],
  textOf: (candidate: T) => string,
  threshold = SIMILAR_QUESTION,
): Promise<{ candidate: T; score: number } | null> {
  if (candidates.length === 0) return null;
  const [query, ...others] = await vectorsOf([question, ...candidates.map(textOf)]);
  if (!query) return null;
  let best: { candidate: T; score: number } | null = null;
  others.forEach((vector, index) => {
    const score = dot(query, vector);
    const candidate = candidates[index];
    if (candidate !== undefined && score >= threshold && (!best || score > best.score)) {
      best = { candidate, score };
    }
  });
  return best;
}
