import type { ChunkStore } from "@agents-crm/ai";

type RagChunk = Parameters<ChunkStore["putMany"]>[0][number];

const order = (a: RagChunk, b: RagChunk) =>
  a.sourceId === b.sourceId ? a.chunkIndex - b.chunkIndex : a.sourceId < b.sourceId ? -1 : 1;

/**
 * A chunk store that lives in memory for one draft's knowledge base: the playground retrieves from
 * documents that may not be saved, and must not touch the agent's stored index while doing so.
 */
export class DraftChunkStore implements ChunkStore {
  private readonly rows = new Map<string, RagChunk>();

  constructor(seed: readonly RagChunk[] = []) {
    for (const chunk of seed) this.rows.set(this.key(chunk), chunk);
  }

  private key(chunk: Pick<RagChunk, "agentId" | "sourceId" | "chunkIndex">) {
    return `${chunk.agentId}\u0000${chunk.sourceId}\u0000${chunk.chunkIndex}`;
  }

  private of(agentId: string): RagChunk[] {
    return [...this.rows.values()].filter((c) => c.agentId === agentId).sort(order);
  }

  putMany(chunks: RagChunk[]): Promise<void> {
    for (const chunk of chunks) this.rows.set(this.key(chunk), chunk);
    return Promise.resolve();
  }

  listByAgent(agentId: string) {
    return Promise.resolve({ items: this.of(agentId), nextCursor: null });
  }

  loadAll(agentId: string): Promise<RagChunk[]> {
    return Promise.resolve(this.of(agentId));
  }

  deleteByAgent(agentId: string): Promise<number> {
    return this.deleteWhere((c) => c.agentId === agentId);
  }

  deleteBySource(agentId: string, sourceId: string): Promise<number> {
    return this.deleteWhere((c) => c.agentId === agentId && c.sourceId === sourceId);
  }

  countByAgent(agentId: string): Promise<number> {
    return Promise.resolve(this.of(agentId).length);
  }

  /** Vector bytes held, for the cache's memory bound. */
  get bytes(): number {
    let total = 0;
    for (const chunk of this.rows.values()) total += chunk.embedding.byteLength;
    return total;
  }

  private deleteWhere(match: (chunk: RagChunk) => boolean): Promise<number> {
    let count = 0;
    for (const [key, chunk] of this.rows) {
      if (match(chunk) && this.rows.delete(key)) count++;
    }
    return Promise.resolve(count);
  }
}
