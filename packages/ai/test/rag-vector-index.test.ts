import { describe, expect, it } from "vitest";
import type { RagChunk } from "../src/rag/chunk-store";
import { createScoreMatrix } from "../src/rag/score-matrix";
import { simdDot } from "../src/rag/simd-dot-module";
import { TopK } from "../src/rag/top-k";
import { VectorIndex } from "../src/rag/vector-index";

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

const vectors = (count: number, dims: number, seed: number) => {
  const next = random(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dims }, next));
};

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

describe("score matrix", () => {
  it("compiles the SIMD module on this Node", () => {
    expect(simdDot()).not.toBeNull();
  });

  for (const dims of [1, 3, 4, 13, 512, 1536]) {
    it(`scores ${dims}-dimensional rows by cosine, identically with and without SIMD`, () => {
      const rows = vectors(37, dims, dims);
      rows[5]?.fill(0);
      const [query] = vectors(1, dims, 999);
      const unitQuery = Float32Array.from(query ?? []);
      const norm = Math.hypot(...unitQuery);
      unitQuery.forEach((x, i) => (unitQuery[i] = x / norm));
      for (const simd of [true, false]) {
        const matrix = createScoreMatrix(rows.length, dims, { simd });
        rows.forEach((row, i) => matrix.setRow(i, row));
        const scores = Array.from(matrix.scores(unitQuery));
        expect(scores).toHaveLength(rows.length);
        scores.forEach((score, i) =>
          expect(score).toBeCloseTo(cosine(rows[i] as Float32Array, unitQuery), 5),
        );
      }
    });
  }

  it("handles an empty matrix", () => {
    expect(Array.from(createScoreMatrix(0, 8).scores(new Float32Array(8)))).toEqual([]);
  });
});

describe("TopK", () => {
  it("keeps the k best, best first, earlier rows winning ties", () => {
    const next = random(7);
    const scores = Array.from({ length: 500 }, () => Math.round(next() * 20) / 20);
    const top = new TopK(10);
    scores.forEach((score, row) => top.offer(row, score));
    const expected = scores
      .map((score, row) => ({ row, score }))
      .sort((a, b) => b.score - a.score || a.row - b.row)
      .slice(0, 10);
    expect(top.sorted()).toEqual(expected);
  });

  it("keeps nothing with k = 0", () => {
    const top = new TopK(0);
    top.offer(0, 1);
    expect(top.sorted()).toEqual([]);
  });
});

describe("VectorIndex", () => {
  const chunk = (
    sourceId: string,
    chunkIndex: number,
    embedding: Float32Array,
    model = "m",
  ): RagChunk => ({
    agentId: "a",
    sourceId,
    chunkIndex,
    title: sourceId,
    content: `${sourceId}/${chunkIndex}`,
    embedding: Float32Array.from(embedding),
    embeddingModel: model,
  });

  it("finds the same top rows with and without SIMD, in document order on ties", () => {
    const rows = vectors(200, 64, 3);
    const chunks = rows.map((v, i) => chunk(`s${i % 7}`, Math.floor(i / 7), v));
    const query = Float32Array.from(rows[42] ?? []);
    const simd = VectorIndex.fromChunks(chunks, "m").search(query, 5, -1);
    const scalar = VectorIndex.fromChunks(chunks, "m", { simd: false }).search(query, 5, -1);
    expect(simd[0]).toMatchObject({ sourceId: "s0", chunkIndex: 6, content: "s0/6" });
    expect(simd[0]?.score).toBeCloseTo(1, 5);
    expect(simd.map((s) => s.content)).toEqual(scalar.map((s) => s.content));
  });

  it("skips rows of another model or dimension and counts them", () => {
    const [a, b] = vectors(2, 8, 1);
    const index = VectorIndex.fromChunks(
      [
        chunk("x", 0, a ?? new Float32Array(8)),
        chunk("y", 0, b ?? new Float32Array(8), "other"),
        chunk("z", 0, new Float32Array(4)),
      ],
      "m",
    );
    expect(index.size).toBe(1);
    expect(index.skipped).toBe(2);
    expect(() => index.search(new Float32Array(4), 1, 0)).toThrow(RangeError);
  });
});
