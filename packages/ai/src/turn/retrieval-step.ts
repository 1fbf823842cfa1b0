import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { CallMetrics } from "../providers/types";
import type { KnowledgeBase, RetrievedSource } from "../rag/types";
import { errorFields } from "./log-fields";
import type { TurnLogger } from "./types";

export interface Retrieval {
  /** null when the agent does not use a knowledge base. */
  sources: RetrievedSource[] | null;
  metrics: CallMetrics | null;
}

/** Retrieval fails soft: the model still answers (and says when it does not know). */
export async function retrieve(
  knowledge: KnowledgeBase | undefined,
  config: AgentConfig,
  query: string,
  context: { agentId: string; logger: TurnLogger; signal?: AbortSignal },
): Promise<Retrieval> {
  if (!config.rag.enabled || !knowledge) return { sources: null, metrics: null };
  try {
    const result = await knowledge.retrieve({
      agentId: context.agentId,
      query,
      topK: config.rag.retrieval.top_k,
      scoreThreshold: config.rag.retrieval.score_threshold,
      signal: context.signal,
    });
    if (result.warning)
      context.logger.warn("knowledge retrieval warning", {
        agentId: context.agentId,
        warning: result.warning,
      });
    return { sources: result.sources, metrics: result.metrics };
  } catch (error) {
    if (context.signal?.aborted) return { sources: [], metrics: null };
    context.logger.warn("knowledge retrieval failed; answering without it", {
      agentId: context.agentId,
      ...errorFields(error),
    });
    return { sources: [], metrics: null };
  }
}
