import type { Embedder, EmbeddingResult } from "../providers/types";
import type { ChunkingOptions } from "./chunk";
import { chunkingOptionsSchema } from "./chunk";
import type { ChunkStore, RagChunk } from "./chunk-store";
import { IndexCache } from "./index-cache";
import { indexAgentChunks } from "./index-agent";
import { indexLibraryDocument, markDocumentChunks } from "./index-document";
import { createSerialByKey } from "./serial-by-key";
import type { KnowledgeBase, RetrieveInput, RetrieveResult } from "./types";
import { VectorIndex } from "./vector-index";

export interface KnowledgeBaseDeps {
  chunks: ChunkStore;
  embedder: Embedder;
  chunking?: ChunkingOptions;
  /** Agents whose index stays in memory (least recently used dropped first). */
  maxCachedAgents?: number;
  /** Upper bound on the vector bytes held in memory across agents. */
  maxCachedBytes?: number;
  /**
   * A cached index older than this is reloaded from the store, so a re-index done by another replica is
   * picked up even if no `invalidate` reached this one.
   */
  maxIndexAgeMs?: number;
  /** Texts per `embed` call while indexing (the embedder may split further). */
  embedBatchSize?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_CACHED_AGENTS = 64;
export const DEFAULT_MAX_CACHED_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_INDEX_AGE_MS = 10 * 60_000;
export const DEFAULT_EMBED_BATCH_SIZE = 1024;

export function createKnowledgeBase(deps: KnowledgeBaseDeps): KnowledgeBase {
  const { chunks, embedder } = deps;
  const now = deps.now ?? (() => new Date());
  const chunking = chunkingOptionsSchema.parse(deps.chunking ?? {});
  const cache = new IndexCache({
    maxAgents: deps.maxCachedAgents ?? DEFAULT_MAX_CACHED_AGENTS,
    maxBytes: deps.maxCachedBytes ?? DEFAULT_MAX_CACHED_BYTES,
    maxAgeMs: deps.maxIndexAgeMs ?? DEFAULT_MAX_INDEX_AGE_MS,
    now,
  });
  const serial = createSerialByKey();
  const loadIndex = (agentId: string) => async () =>
    VectorIndex.fromChunks(await chunks.loadAll(agentId), embedder.model);

  async function retrieve(input: RetrieveInput): Promise<RetrieveResult> {
    const { agentId, query, signal } = input;
    signal?.throwIfAborted();
    const topK = Math.floor(input.topK);
    if (!(topK >= 1) || !query.trim()) return { sources: [], metrics: null };
    let index = cache.peek(agentId);
    let embedding: EmbeddingResult;
    if (index) {
      if (index.size === 0) return { sources: [], metrics: null, ...staleWarning(agentId, index) };
      embedding = await embedder.embed([query], signal);
    } else {
      // On a cold cache the store load and the query embedding overlap instead of adding up.
      [index, embedding] = await Promise.all([
        cache.get(agentId, loadIndex(agentId)),
        embedder.embed([query], signal),
      ]);
    }
    signal?.throwIfAborted();
    const { metrics } = embedding;
    const vector = embedding.vectors[0];
    if (index.size === 0 || !vector) {
      return { sources: [], metrics, ...staleWarning(agentId, index) };
    }
    if (vector.length !== index.dimensions) {
      const warning =
        `agent ${agentId}: the knowledge base has ${index.dimensions}-dimensional vectors but ` +
        `${embedder.model} returns ${vector.length}; re-index the agent`;
      return { sources: [], metrics, warning };
    }
    const threshold = Number.isFinite(input.scoreThreshold) ? input.scoreThreshold : 0;
    const sources = index.search(vector, topK, threshold);
    return { sources, metrics, ...staleWarning(agentId, index) };
  }

  function staleWarning(agentId: string, index: VectorIndex): { warning?: string } {
    if (index.skipped === 0) return {};
    const warning =
      `agent ${agentId}: ${index.skipped} knowledge base chunk(s) were not embedded by ${embedder.model} ` +
      `(or differ in dimension) and are ignored; re-index the agent`;
    return { warning };
  }

  const indexDeps = {
    chunks,
    embedder,
    chunking,
    embedBatchSize: deps.embedBatchSize ?? DEFAULT_EMBED_BATCH_SIZE,
    now,
  };

  return {
    retrieve,
    indexAgent(agentId, sources) {
      return serial(agentId, async () => {
        try {
          return await indexAgentChunks(indexDeps, agentId, sources);
        } finally {
          cache.invalidate(agentId);
        }
      });
    },
    removeAgent(agentId) {
      return serial(agentId, async () => {
        try {
          await chunks.deleteByAgent(agentId);
        } finally {
          cache.invalidate(agentId);
        }
      });
    },
    invalidate(agentId) {
      cache.invalidate(agentId);
    },
    indexDocument(agentId, document, options) {
      // Embedding runs outside the agent's lane (a large PDF must not hold up other edits); the write does not.
      const replace = (rows: RagChunk[]) =>
        serial(agentId, async () => {
          try {
            await chunks.deleteBySource(agentId, document.documentId);
            if (rows.length) await chunks.putMany(rows);
          } finally {
            cache.invalidate(agentId);
          }
        });
      return indexLibraryDocument({ embedder, chunking, now, replace }, agentId, document, options);
    },
    removeDocument(agentId, documentId) {
      return serial(agentId, async () => {
        try {
          return await chunks.deleteBySource(agentId, documentId);
        } finally {
          cache.invalidate(agentId);
        }
      });
    },
    setDocumentSendable(agentId, documentId, sendable) {
      return serial(agentId, async () => {
        try {
          return await markDocumentChunks(chunks, agentId, documentId, sendable);
        } finally {
          cache.invalidate(agentId);
        }
      });
    },
  };
}
