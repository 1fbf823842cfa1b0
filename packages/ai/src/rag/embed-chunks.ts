import type { CallMetrics, Embedder } from "../providers/types";

/** Embeds texts in calls of at most `batchSize`, checking the embedder kept its promise of one vector each. */
export async function embedAll(
  embedder: Embedder,
  texts: string[],
  batchSize: number,
): Promise<{ vectors: Float32Array[]; metrics: CallMetrics[] }> {
  const vectors: Float32Array[] = [];
  const metrics: CallMetrics[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const result = await embedder.embed(batch);
    if (result.vectors.length !== batch.length) {
      throw new Error(
        `embedder ${embedder.model} returned ${result.vectors.length} vectors for ${batch.length} texts`,
      );
    }
    vectors.push(...result.vectors);
    metrics.push(result.metrics);
  }
  const dimensions = vectors[0]?.length ?? 0;
  if (vectors.some((v) => v.length !== dimensions || v.length === 0)) {
    throw new Error(`embedder ${embedder.model} returned vectors of different dimensions`);
  }
  return { vectors, metrics };
}
