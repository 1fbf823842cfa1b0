import { z } from "zod";

/** The contract packages/ai's RAG helper codes against. */
export const ragChunkSchema = z.object({
  agentId: z.string().min(1),
  sourceId: z.string().min(1),
  chunkIndex: z.number().int().min(0).max(99_999),
  title: z.string(),
  content: z.string(),
  embedding: z.instanceof(Float32Array),
  embeddingModel: z.string(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type RagChunk = z.infer<typeof ragChunkSchema>;
