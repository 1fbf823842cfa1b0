import type { CallMetrics, Embedder } from "../providers/types";
import { chunkText } from "./chunk";
import type { ChunkStore, RagChunk } from "./chunk-store";
import { embedAll } from "./embed-chunks";
import { libraryDocumentIdOf } from "./library-chunks";
import { embeddingInput } from "./source-digest";

export interface LibraryDocumentInput {
  documentId: string;
  title: string;
  text: string;
  kind: string;
  sendable: boolean;
}

export interface IndexDocumentOptions {
  /** Chunks per embedding call; progress is reported after each. */
  batchChunks: number;
  /** 0-100 after each batch; resolving to false stops the run (the document changed or was deleted). */
  onProgress?: (percent: number) => Promise<boolean> | boolean;
  signal?: AbortSignal;
}

export interface IndexDocumentResult {
  chunks: number;
  metrics: CallMetrics[];
  /** The run was stopped by `onProgress`; nothing was written. */
  stopped: boolean;
}

interface IndexDocumentDeps {
  /** Replaces the document's chunks with `rows` (the previous ones deleted first). */
  replace: (rows: RagChunk[]) => Promise<void>;
  embedder: Embedder;
  chunking: { targetSize: number; overlap: number };
  now: () => Date;
}

/**
 * One library document's chunks, embedded in bounded batches (a large PDF reports progress between them)
 * and then written in place of the document's previous chunks: until the new set is complete the old one
 * keeps answering, and a failed embedding leaves it as it was.
 */
export async function indexLibraryDocument(
  deps: IndexDocumentDeps,
  agentId: string,
  document: LibraryDocumentInput,
  options: IndexDocumentOptions,
): Promise<IndexDocumentResult> {
  const pieces = chunkText(document.text, deps.chunking);
  const metrics: CallMetrics[] = [];
  const vectors: Float32Array[] = [];
  const batch = Math.max(1, Math.floor(options.batchChunks));
  for (let start = 0; start < pieces.length; start += batch) {
    options.signal?.throwIfAborted();
    const texts = pieces
      .slice(start, start + batch)
      .map((content) => embeddingInput(document.title, content));
    const result = await embedAll(deps.embedder, texts, batch);
    vectors.push(...result.vectors);
    metrics.push(...result.metrics);
    const done = Math.min(pieces.length, start + batch);
    // Writing comes after embedding: the last few percent are kept for it.
    const percent = Math.floor((done / pieces.length) * 95);
    if (options.onProgress && !(await options.onProgress(percent)))
      return { chunks: 0, metrics, stopped: true };
  }
  const indexedAt = deps.now().toISOString();
  const rows: RagChunk[] = pieces.map((content, chunkIndex) => ({
    agentId,
    sourceId: document.documentId,
    chunkIndex,
    title: document.title,
    content,
    embedding: new Float32Array(vectors[chunkIndex] as Float32Array),
    embeddingModel: deps.embedder.model,
    metadata: libraryMetadata(document, pieces.length, indexedAt),
  }));
  await deps.replace(rows);
  return { chunks: rows.length, metrics, stopped: false };
}

function libraryMetadata(
  document: LibraryDocumentInput,
  chunkCount: number,
  indexedAt: string,
): Record<string, unknown> {
  return {
    documentId: document.documentId,
    sendable: document.sendable,
    sourceType: document.kind,
    chunkCount,
    indexedAt,
  };
}

/** Rewrites the `sendable` mark on a document's stored chunks (no re-embedding). */
export async function markDocumentChunks(
  chunks: ChunkStore,
  agentId: string,
  documentId: string,
  sendable: boolean,
): Promise<number> {
  const rows = (await chunks.loadAll(agentId)).filter(
    (chunk) => libraryDocumentIdOf(chunk) === documentId,
  );
  if (rows.length)
    await chunks.putMany(rows.map((row) => ({ ...row, metadata: { ...row.metadata, sendable } })));
  return rows.length;
}
