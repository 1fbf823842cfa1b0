import type { EmbeddingResult, Embedder } from "../src/providers/types";

/** Another "model": the hashed embedder's vectors under a different name (a different vector space as far
 * as the knowledge base can tell). */
export class RenamedEmbedder implements Embedder {
  readonly dimensions: number;

  constructor(
    readonly model: string,
    private readonly inner: Embedder,
  ) {
    this.dimensions = inner.dimensions;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
    const result = await this.inner.embed(texts, signal);
    return { ...result, metrics: { ...result.metrics, model: this.model } };
  }
}

/** An embedding endpoint that is down. */
export class UnavailableEmbedder implements Embedder {
  constructor(
    readonly model: string,
    readonly dimensions: number,
  ) {}

  async embed(): Promise<EmbeddingResult> {
    throw new Error("embeddings endpoint returned 503");
  }
}
