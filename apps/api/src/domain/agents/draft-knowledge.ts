import { createHash } from "node:crypto";
import { createKnowledgeBase, type KnowledgeBase, type LlmProviders } from "@agents-crm/ai";
import { knowledgeSources, type AgentConfig } from "@agents-crm/config/agent-config";
import type { ApiDeps } from "../../deps";
import { DraftChunkStore } from "./draft-chunk-store";

/** A few drafts stay indexed for a while: a conversation in the playground asks many questions. */
const MAX_DRAFTS = 4;
const DRAFT_TTL_MS = 5 * 60_000;
const MAX_DRAFT_BYTES = 64 * 1024 * 1024;

interface Entry {
  ready: Promise<{ knowledge: KnowledgeBase; store: DraftChunkStore }>;
  expiresAt: number;
}

// Per provider set (one per process, one per test), so tests never share indexes.
const caches = new WeakMap<LlmProviders, Map<string, Entry>>();

function cacheOf(llm: LlmProviders): Map<string, Entry> {
  let cache = caches.get(llm);
  if (!cache) caches.set(llm, (cache = new Map<string, Entry>()));
  return cache;
}

function evict(cache: Map<string, Entry>, now: number) {
  for (const [key, entry] of cache) if (entry.expiresAt <= now) cache.delete(key);
  // Maps iterate in insertion order: the first keys are the least recently used (hits re-insert).
  while (cache.size > MAX_DRAFTS) cache.delete(cache.keys().next().value as string);
}

export type DraftKnowledge =
  | { status: "disabled" }
  | { status: "ready"; knowledge: KnowledgeBase; chunks: number }
  | { status: "failed"; error: string };

/**
 * A throw-away knowledge base for a draft's documents, cached briefly by their content hash. It is
 * seeded with the saved agent's stored chunks, so documents the draft did not change are not embedded
 * again (the index plan keeps chunks whose digest matches); the stored index is only read.
 */
export async function draftKnowledge(
  deps: Pick<ApiDeps, "llm" | "repos" | "log">,
  indexId: string,
  savedAgentId: string | undefined,
  config: AgentConfig,
): Promise<DraftKnowledge> {
  if (!config.rag.enabled) return { status: "disabled" };
  const sources = knowledgeSources(config);
  const { embedder } = deps.llm;
  const key = createHash("sha256")
    .update(JSON.stringify([indexId, embedder.model, embedder.dimensions, sources]))
    .digest("hex");
  const cache = cacheOf(deps.llm);
  const now = Date.now();
  evict(cache, now);
  let entry = cache.get(key);
  if (entry) cache.delete(key);
  else {
    entry = {
      ready: (async () => {
        const seed = savedAgentId ? await deps.repos.ragChunks.loadAll(savedAgentId) : [];
        const store = new DraftChunkStore(seed.map((chunk) => ({ ...chunk, agentId: indexId })));
        const knowledge = createKnowledgeBase({ chunks: store, embedder, maxCachedAgents: 1 });
        await knowledge.indexAgent(indexId, sources);
        return { knowledge, store };
      })(),
      expiresAt: now + DRAFT_TTL_MS,
    };
  }
  cache.set(key, entry);
  try {
    const { knowledge, store } = await entry.ready;
    if (store.bytes > MAX_DRAFT_BYTES) cache.delete(key);
    return { status: "ready", knowledge, chunks: await store.countByAgent(indexId) };
  } catch (error) {
    cache.delete(key);
    deps.log.warn("playground knowledge indexing failed", { error });
    return {
      status: "failed",
      error: error instanceof Error ? error.message : "indexing failed",
    };
  }
}
