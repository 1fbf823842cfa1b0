import { knowledgeSources, type AgentConfig } from "@agents-crm/config/agent-config";
import type { ConfigWarning } from "@agents-crm/config/agent-config";
import type { ApiDeps } from "../../deps";

export type KnowledgeOutcome =
  | { status: "indexed"; chunks: number }
  /** An inactive agent has no index; activating it builds one. */
  | { status: "skipped"; chunks: 0 }
  /** The agent is saved; its knowledge stays as it was until the next save. */
  | { status: "failed"; chunks: number; error: string };

/**
 * Brings the agent's knowledge index in line with its sources (incremental: unchanged sources are
 * skipped). A failure (the embeddings API down) does not undo the save; it comes back as a warning.
 */
export async function reindexKnowledge(
  deps: Pick<ApiDeps, "knowledge" | "log" | "repos">,
  agentId: string,
  config: AgentConfig,
  isActive: boolean,
): Promise<KnowledgeOutcome> {
  if (!isActive) return { status: "skipped", chunks: 0 };
  const sources = config.rag.enabled ? knowledgeSources(config) : [];
  try {
    const result = await deps.knowledge.indexAgent(agentId, sources);
    return { status: "indexed", chunks: result.chunks };
  } catch (error) {
    deps.log.error("knowledge indexing failed", { agentId, error });
    return {
      status: "failed",
      chunks: await deps.repos.ragChunks.countByAgent(agentId),
      error: error instanceof Error ? error.message : "indexing failed",
    };
  }
}

export function knowledgeWarnings(outcome: KnowledgeOutcome): ConfigWarning[] {
  if (outcome.status !== "failed") return [];
  return [
    {
      path: "rag.sources",
      message: `rag.sources could not be indexed (${outcome.error}): save the agent again to retry`,
    },
  ];
}
