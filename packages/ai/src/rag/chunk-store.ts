/** One stored chunk, as `@agents-crm/db`'s ragChunks repository keeps it (embedding as binary Float32). */
export interface RagChunk {
  agentId: string;
  sourceId: string;
  chunkIndex: number;
  title: string;
  content: string;
  /** Backed by its own ArrayBuffer (not a shared one), as the repository's schema requires. */
  embedding: Float32Array<ArrayBuffer>;
  embeddingModel: string;
  metadata?: Record<string, unknown>;
}

/** The slice of the ragChunks repository the knowledge base needs; the real repository satisfies it. */
export interface ChunkStore {
  putMany(chunks: RagChunk[]): Promise<void>;
  listByAgent(
    agentId: string,
    page?: { cursor?: string | null; limit?: number },
  ): Promise<{ items: RagChunk[]; nextCursor: string | null }>;
  loadAll(agentId: string): Promise<RagChunk[]>;
  /** Resolves to the number of chunks deleted. */
  deleteByAgent(agentId: string): Promise<number>;
  deleteBySource(agentId: string, sourceId: string): Promise<number>;
  countByAgent(agentId: string): Promise<number>;
}
