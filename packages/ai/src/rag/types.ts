import { z } from "zod";
import type { CallMetrics } from "../providers/types";
import type {
  IndexDocumentOptions,
  IndexDocumentResult,
  LibraryDocumentInput,
} from "./index-document";

export const knowledgeSourceSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  content: z.string(),
  type: z.string().optional(),
});

export type KnowledgeSource = z.infer<typeof knowledgeSourceSchema>;

export const knowledgeSourcesSchema = z.array(knowledgeSourceSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  for (const [index, source] of sources.entries()) {
    if (seen.has(source.id))
      ctx.addIssue({
        code: "custom",
        path: [index, "id"],
        message: `duplicate source id "${source.id}"`,
      });
    seen.add(source.id);
  }
});

export interface RetrievedSource {
  sourceId: string;
  chunkIndex: number;
  title: string;
  content: string;
  /** Cosine similarity to the query, -1..1. */
  score: number;
  /** Set for a chunk of a knowledge library document. */
  documentId?: string;
  /** The library document may be sent to customers as a file. */
  sendable?: boolean;
}

export interface RetrieveInput {
  agentId: string;
  query: string;
  topK: number;
  scoreThreshold: number;
  signal?: AbortSignal;
}

export interface RetrieveResult {
  sources: RetrievedSource[];
  /** The query embedding's metrics; null when no model was called (empty query or empty knowledge base). */
  metrics: CallMetrics | null;
  /** Set when the stored index can't serve this embedder (another model or dimension): re-index the agent. */
  warning?: string;
}

export interface IndexResult {
  /** Chunks stored for the agent after indexing. */
  chunks: number;
  metrics: CallMetrics[];
  /** Sources whose chunks were (re-)embedded; unchanged ones are skipped. */
  embeddedSources: string[];
  removedSources: string[];
}

export interface KnowledgeBase {
  retrieve(input: RetrieveInput): Promise<RetrieveResult>;
  indexAgent(agentId: string, sources: KnowledgeSource[]): Promise<IndexResult>;
  removeAgent(agentId: string): Promise<void>;
  invalidate(agentId: string): void;
  /** A library document's chunks (re)built; the agent's inline sources are left alone. */
  indexDocument(
    agentId: string,
    document: LibraryDocumentInput,
    options: IndexDocumentOptions,
  ): Promise<IndexDocumentResult>;
  /** Resolves to the number of chunks deleted. */
  removeDocument(agentId: string, documentId: string): Promise<number>;
  setDocumentSendable(agentId: string, documentId: string, sendable: boolean): Promise<number>;
}
