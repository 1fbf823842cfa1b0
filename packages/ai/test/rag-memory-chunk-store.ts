import type { ChunkStore, RagChunk } from "../src/rag/chunk-store";

const key = (c: Pick<RagChunk, "sourceId" | "chunkIndex">) =>
  `${c.sourceId}#${String(c.chunkIndex).padStart(5, "0")}`;

function copy(chunk: RagChunk): RagChunk {
  return {
    ...chunk,
    embedding: Float32Array.from(chunk.embedding),
    ...(chunk.metadata ? { metadata: { ...chunk.metadata } } : {}),
  };
}

/** An in-memory stand-in for the DynamoDB ragChunks repository, with call counters for cache assertions. */
export class MemoryChunkStore implements ChunkStore {
  private readonly agents = new Map<string, Map<string, RagChunk>>();
  loadAllCalls = 0;

  async putMany(chunks: RagChunk[]): Promise<void> {
    for (const chunk of chunks) {
      const rows = this.agents.get(chunk.agentId) ?? new Map<string, RagChunk>();
      rows.set(key(chunk), copy(chunk));
      this.agents.set(chunk.agentId, rows);
    }
  }

  async listByAgent(agentId: string, page: { cursor?: string | null; limit?: number } = {}) {
    const all = this.sorted(agentId);
    const start = page.cursor ? all.findIndex((c) => key(c) > (page.cursor ?? "")) : 0;
    const from = start < 0 ? all.length : start;
    const items = all.slice(from, from + (page.limit ?? 50));
    const last = items.at(-1);
    const nextCursor = last && from + items.length < all.length ? key(last) : null;
    return { items, nextCursor };
  }

  async loadAll(agentId: string): Promise<RagChunk[]> {
    this.loadAllCalls++;
    await new Promise((resolve) => setImmediate(resolve));
    return this.sorted(agentId);
  }

  async deleteByAgent(agentId: string): Promise<number> {
    const count = this.agents.get(agentId)?.size ?? 0;
    this.agents.delete(agentId);
    return count;
  }

  async deleteBySource(agentId: string, sourceId: string): Promise<number> {
    const rows = this.agents.get(agentId);
    let count = 0;
    for (const [id, chunk] of rows ?? []) {
      if (chunk.sourceId === sourceId && rows?.delete(id)) count++;
    }
    return count;
  }

  async countByAgent(agentId: string): Promise<number> {
    return this.agents.get(agentId)?.size ?? 0;
  }

  private sorted(agentId: string): RagChunk[] {
    return [...(this.agents.get(agentId)?.values() ?? [])]
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .map(copy);
  }
}
