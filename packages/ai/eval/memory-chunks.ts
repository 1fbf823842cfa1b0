import type { ChunkStore, RagChunk } from "../src/rag/chunk-store";

/**
 * The agent's knowledge for one eval run: indexed by the same knowledge base the API uses, kept in
 * memory instead of DynamoDB (nothing is stored, and an eval needs no database).
 */
export class MemoryChunks implements ChunkStore {
  private rows: RagChunk[] = [];

  async putMany(chunks: RagChunk[]): Promise<void> {
    this.rows.push(...chunks);
  }

  async listByAgent(agentId: string) {
    return { items: await this.loadAll(agentId), nextCursor: null };
  }

  async loadAll(agentId: string): Promise<RagChunk[]> {
    return this.rows.filter((row) => row.agentId === agentId);
  }

  async deleteByAgent(agentId: string): Promise<number> {
    return this.remove((row) => row.agentId === agentId);
  }

  async deleteBySource(agentId: string, sourceId: string): Promise<number> {
    return this.remove((row) => row.agentId === agentId && row.sourceId === sourceId);
  }

  async countByAgent(agentId: string): Promise<number> {
    return (await this.loadAll(agentId)).length;
  }

  private remove(match: (row: RagChunk) => boolean): number {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => !match(row));
    return before - this.rows.length;
  }
}
