import { chunkText } from "./chunk";
import type { RagChunk } from "./chunk-store";
import type { DigestContext } from "./source-digest";
import { sourceDigest } from "./source-digest";
import type { KnowledgeSource } from "./types";

export interface SourcePlan {
  source: KnowledgeSource;
  digest: string;
  chunks: string[];
  /** Whether the store holds older chunks of this source (to delete first). */
  replaces: boolean;
}

export interface IndexPlan {
  /** Sources to chunk and embed now (all of them on a full rebuild). */
  toEmbed: SourcePlan[];
  /** Stored chunks that stay as they are. */
  keptChunks: number;
  /** Stored sources that are gone from the list or now have no text. */
  removed: string[];
  /** Something stored is from another model or predates digests: wipe the agent and embed everything. */
  fullRebuild: boolean;
}

/** Compares the stored chunks of an agent with its current sources. */
export function planIndex(
  stored: RagChunk[],
  sources: KnowledgeSource[],
  context: DigestContext,
): IndexPlan {
  const storedBySource = new Map<string, RagChunk[]>();
  for (const chunk of stored)
    storedBySource.set(chunk.sourceId, [...(storedBySource.get(chunk.sourceId) ?? []), chunk]);
  const fullRebuild = stored.some(
    (c) => c.embeddingModel !== context.model || typeof c.metadata?.contentHash !== "string",
  );
  const plan: IndexPlan = { toEmbed: [], keptChunks: 0, removed: [], fullRebuild };
  const listed = new Set<string>();

  for (const source of sources) {
    listed.add(source.id);
    const digest = sourceDigest(source, context);
    const existing = storedBySource.get(source.id) ?? [];
    if (!fullRebuild && isCurrent(existing, digest)) {
      plan.keptChunks += existing.length;
      continue;
    }
    const chunks = chunkText(source.content, context);
    if (chunks.length > 0)
      plan.toEmbed.push({ source, digest, chunks, replaces: existing.length > 0 });
    else if (existing.length > 0) plan.removed.push(source.id);
  }
  for (const sourceId of storedBySource.keys())
    if (!listed.has(sourceId)) plan.removed.push(sourceId);
  return plan;
}

function isCurrent(chunks: RagChunk[], digest: string): boolean {
  if (chunks.length === 0) return false;
  const indexes = new Set(chunks.map((c) => c.chunkIndex));
  return (
    chunks.every(
      (c) => c.metadata?.contentHash === digest && c.metadata.chunkCount === chunks.length,
    ) &&
    indexes.size === chunks.length &&
    chunks.every((c) => c.chunkIndex < chunks.length)
  );
}
