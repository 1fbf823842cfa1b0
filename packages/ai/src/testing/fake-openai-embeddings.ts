import { fakeTokens, isRecord } from "./fake-http";

const NATIVE_DIMENSIONS: Record<string, number> = { "text-embedding-3-large": 3072 };

/**
 * Deterministic unit vectors: each word adds ±1 at a hashed position, so texts sharing words are
 * close (a usable stand-in for semantic similarity in retrieval tests).
 */
export function fakeEmbedding(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text];
  for (const word of words) {
    const hash = fnv1a(word);
    const index = hash % dimensions;
    vector[index] = (vector[index] ?? 0) + ((hash >>> 16) & 1 ? 1 : -1);
  }
  let squares = 0;
  for (const value of vector) squares += value * value;
  const norm = Math.sqrt(squares) || 1;
  for (let i = 0; i < dimensions; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function embeddingsResponse(body: Record<string, unknown>) {
  const model = typeof body.model === "string" ? body.model : "text-embedding-3-small";
  const inputs = Array.isArray(body.input)
    ? (body.input as unknown[]).map((item) =>
        typeof item === "string" ? item : JSON.stringify(item),
      )
    : [typeof body.input === "string" ? body.input : ""];
  const dimensions =
    typeof body.dimensions === "number" ? body.dimensions : (NATIVE_DIMENSIONS[model] ?? 1536);
  const base64 = body.encoding_format === "base64";
  const tokens = inputs.reduce((sum, text) => sum + fakeTokens(text), 0);
  return {
    object: "list",
    data: inputs.map((text, index) => {
      const vector = fakeEmbedding(text, dimensions);
      return {
        object: "embedding",
        index,
        embedding: base64 ? Buffer.from(vector.buffer).toString("base64") : Array.from(vector),
      };
    }),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

export function isValidEmbeddingsBody(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && (typeof body.input === "string" || Array.isArray(body.input));
}
