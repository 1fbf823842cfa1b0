import type { RagChunk } from "./chunk-store";
import { isSendableChunk, libraryDocumentIdOf } from "./library-chunks";
import type { ScoreMatrix } from "./score-matrix";
import { createScoreMatrix } from "./score-matrix";
import { TopK } from "./top-k";
import type { RetrievedSource } from "./types";
import { normalizeInPlace } from "./vector-math";

type ChunkText = Omit<RetrievedSource, "score">;

/** One agent's chunks as a single matrix of unit vectors, searched by brute-force cosine. */
export class VectorIndex {
  private constructor(
    readonly model: string,
    readonly dimensions: number,
    private readonly matrix: ScoreMatrix,
    private readonly rows: ChunkText[],
    /** Stored chunks left out because they were embedded by another model or with another dimension. */
    readonly skipped: number,
  ) {}

  /** Builds the index from the rows embedded by `model`; rows must share the first such row's dimension. */
  static fromChunks(
    chunks: RagChunk[],
    model: string,
    options: { simd?: boolean } = {},
  ): VectorIndex {
    const usable = chunks
      .filter((c) => c.embeddingModel === model)
      .sort((a, b) =>
        a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.chunkIndex - b.chunkIndex,
      );
    const dimensions = usable[0]?.embedding.length ?? 0;
    const rows = usable.filter((c) => c.embedding.length === dimensions);
    const matrix = createScoreMatrix(rows.length, dimensions, options);
    rows.forEach((chunk, row) => matrix.setRow(row, chunk.embedding));
    const texts = rows.map((chunk) => {
      const documentId = libraryDocumentIdOf(chunk);
      const { sourceId, chunkIndex, title, content } = chunk;
      return documentId
        ? { sourceId, chunkIndex, title, content, documentId, sendable: isSendableChunk(chunk) }
        : { sourceId, chunkIndex, title, content };
    });
    return new VectorIndex(model, dimensions, matrix, texts, chunks.length - rows.length);
  }

  get size(): number {
    return this.rows.length;
  }

  get byteSize(): number {
    return this.matrix.byteSize;
  }

  /** The `topK` rows most similar to `query` with a score ≥ `threshold`, best first. */
  search(query: Float32Array, topK: number, threshold: number): RetrievedSource[] {
    if (query.length !== this.dimensions)
      throw new RangeError("query dimension does not match the index");
    const scores = this.matrix.scores(normalizeInPlace(Float32Array.from(query)));
    const best = new TopK(Math.min(topK, this.rows.length));
    for (let row = 0; row < scores.length; row++) {
      const score = scores[row]!;
      if (score >= threshold && score > best.floor) best.offer(row, score);
    }
    return best.sorted().map(({ row, score }) => ({ ...(this.rows[row] as ChunkText), score }));
  }
}
