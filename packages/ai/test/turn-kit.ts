import {
  knowledgeSources,
  parseAgentConfig,
  type AgentConfig,
} from "@agents-crm/config/agent-config";
import { createLlmProviders } from "../src/providers/create-llm-providers";
import type { LlmProviders } from "../src/providers/types";
import type { ChunkStore, RagChunk } from "../src/rag/chunk-store";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import type { KnowledgeBase } from "../src/rag/types";

/** A parsed agent config for tests; throws with the issues when the document is invalid. */
export function configOf(document: unknown): AgentConfig {
  const parsed = parseAgentConfig(document);
  if (!parsed.ok) throw new Error(`invalid agent config: ${JSON.stringify(parsed.issues)}`);
  return parsed.config;
}

/** The models the product runs on when no LLM is configured (offline chat, hashed embeddings). */
export const offlineProviders = (): LlmProviders => createLlmProviders({ apiKey: null });

/** The offline models, and `agentId`'s knowledge (`config`'s sources) indexed in memory with them. */
export async function offlineAgent(
  agentId: string,
  config: AgentConfig,
): Promise<{ providers: LlmProviders; knowledge: KnowledgeBase }> {
  const providers = offlineProviders();
  const knowledge = createKnowledgeBase({
    chunks: new InMemoryChunks(),
    embedder: providers.embedder,
  });
  await knowledge.indexAgent(agentId, knowledgeSources(config));
  return { providers, knowledge };
}

/** The smallest valid agent document, with overrides merged on top (one level deep). */
export function minimalDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    agent_id: "test_agent",
    profile: {
      doctor_display_name: "Dr. Test",
      clinic_display_name: "Test Clinic",
      specialty: "dentistry",
      languages: ["en", "ru"],
    },
    rag: { enabled: false },
    moderation: { enabled: false },
  };
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key];
    base[key] =
      typeof current === "object" &&
      current !== null &&
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value)
        ? { ...current, ...value }
        : value;
  }
  return base;
}

/** Chunks kept in a Map: enough of the ragChunks repository for a knowledge base in tests. */
export class InMemoryChunks implements ChunkStore {
  private readonly rows = new Map<string, RagChunk[]>();

  async putMany(chunks: RagChunk[]): Promise<void> {
    for (const chunk of chunks) {
      const rows = (this.rows.get(chunk.agentId) ?? []).filter(
        (row) => !(row.sourceId === chunk.sourceId && row.chunkIndex === chunk.chunkIndex),
      );
      this.rows.set(chunk.agentId, [...rows, chunk]);
    }
  }

  async listByAgent(agentId: string) {
    return { items: await this.loadAll(agentId), nextCursor: null };
  }

  async loadAll(agentId: string): Promise<RagChunk[]> {
    return [...(this.rows.get(agentId) ?? [])];
  }

  async deleteByAgent(agentId: string): Promise<number> {
    const count = this.rows.get(agentId)?.length ?? 0;
    this.rows.delete(agentId);
    return count;
  }

  async deleteBySource(agentId: string, sourceId: string): Promise<number> {
    const rows = this.rows.get(agentId) ?? [];
    const kept = rows.filter((row) => row.sourceId !== sourceId);
    this.rows.set(agentId, kept);
    return rows.length - kept.length;
  }

  async countByAgent(agentId: string): Promise<number> {
    return this.rows.get(agentId)?.length ?? 0;
  }
}

/** The JSON a well-behaved model answers with. */
export function modelJson(
  reply: string,
  escalation: { needed: boolean; type: string; reason?: string; confidence?: number } = {
    needed: false,
    type: "none",
  },
  sourcesUsed: string[] = [],
) {
  return {
    json: {
      reply,
      escalation: { reason: "", confidence: 0.9, ...escalation },
      sources_used: sourcesUsed,
    },
  };
}

/** Records what the turn logs, to check that no message text ever reaches a log. */
export function recordingLogger() {
  const entries: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    entries,
    warn: (message: string, fields?: Record<string, unknown>) =>
      entries.push({ level: "warn", message, fields }),
    error: (message: string, fields?: Record<string, unknown>) =>
      entries.push({ level: "error", message, fields }),
  };
}
