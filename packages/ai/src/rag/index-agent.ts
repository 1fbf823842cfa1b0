import type { CallMetrics, Embedder } from "../providers/types";
import type { ChunkStore, RagChunk } from "./chunk-store";
import { embedAll } from "./embed-chunks";
import { planIndex } from "./index-plan";
import { isLibraryChunk } from "./library-chunks";
import type { DigestContext } from "./source-digest";
import { embeddingInput } from "./source-digest";
import type { IndexResult, KnowledgeSource } from "./types";
import { knowledgeSourcesSchema } from "./types";

export interface IndexAgentDeps {
  chunks: ChunkStore;
  embedder: Embedder;
  chunking: { targetSize: number; overlap: number };
  embedBatchSize: number;
  now: () => Date;
}

/**
 * Brings an agent's stored chunks in line with its sources. Everything is embedded before anything is
 * deleted, so a failing embedder leaves the previous index intact.
 */
export async function indexAgentChunks(
  deps: IndexAgentDeps,
  agentId: string,
  input: KnowledgeSource[],
): Promise<IndexResult> {
  const sources = knowledgeSourcesSchema.parse(input);
  const context: DigestContext = {
    model: deps.embedder.model,
    dimensions: deps.embedder.dimensions,
    ...deps.chunking,
  };
  // The knowledge library's documents are indexed on their own (index-document.ts).
  const all = await deps.chunks.loadAll(agentId);
  const stored = all.filter((chunk) => !isLibraryChunk(chunk));
  const plan = planIndex(stored, sources, context);

  const pending = plan.toEmbed.flatMap(({ source, digest, chunks }) =>
    chunks.map((content, chunkIndex) => ({
      source,
      digest,
      chunkCount: chunks.length,
      content,
      chunkIndex,
    })),
  );
  const texts = pending.map(({ source, content }) => embeddingInput(source.title, content));
  const { vectors, metrics } = texts.length
    ? await embedAll(deps.embedder, texts, deps.embedBatchSize)
    : { vectors: [], metrics: [] as CallMetrics[] };

  const indexedAt = deps.now().toISOString();
  const rows: RagChunk[] = pending.map(
    ({ source, digest, chunkCount, content, chunkIndex }, i) => ({
      agentId,
      sourceId: source.id,
      chunkIndex,
      title: source.title,
      content,
      embedding: new Float32Array(vectors[i] as Float32Array),
      embeddingModel: deps.embedder.model,
      metadata: {
        contentHash: digest,
        chunkCount,
        indexedAt,
        ...(source.type ? { sourceType: source.type } : {}),
      },
    }),
  );

  // The reference's whole-document rows have no `#` in their key, so only the agent-wide delete finds
  // them; with library chunks beside them, the inline sources go one by one.
  if (plan.fullRebuild && stored.length === all.length) await deps.chunks.deleteByAgent(agentId);
  else if (plan.fullRebuild) {
    for (const sourceId of new Set(stored.map((chunk) => chunk.sourceId)))
      await deps.chunks.deleteBySource(agentId, sourceId);
  } else {
    const stale = [
      ...plan.removed,
      ...plan.toEmbed.filter((p) => p.replaces).map((p) => p.source.id),
    ];
    for (const sourceId of stale) await deps.chunks.deleteBySource(agentId, sourceId);
  }
  if (rows.length) await deps.chunks.putMany(rows);

  return {
    chunks: plan.keptChunks + rows.length,
    metrics,
    embeddedSources: plan.toEmbed.map((p) => p.source.id),
    removedSources: plan.removed,
  };
}
