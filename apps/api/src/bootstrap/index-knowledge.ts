import { knowledgeSources, parseAgentConfig } from "@agents-crm/config/agent-config";
import type { ApiDeps } from "../deps";
import { requeueLibrary } from "../domain/knowledge/library-indexer";

/**
 * Brings every active agent's knowledge index in line with its sources and the current embedding model.
 * Indexing is incremental (unchanged sources are skipped), so this is cheap when nothing changed, and it
 * re-embeds everything after a switch between the offline model and OpenAI.
 */
export async function reconcileKnowledge(
  deps: Pick<ApiDeps, "repos" | "knowledge" | "log" | "work" | "files">,
) {
  let cursor: string | undefined;
  do {
    const page = await deps.repos.agents.list({ activeOnly: true, cursor, limit: 50 });
    for (const agent of page.items) {
      const parsed = parseAgentConfig(agent.config);
      if (!parsed.ok) {
        deps.log.warn("agent config does not validate; knowledge not indexed", {
          agentId: agent.agentId,
        });
        continue;
      }
      try {
        const sources = parsed.config.rag.enabled ? knowledgeSources(parsed.config) : [];
        const result = await deps.knowledge.indexAgent(agent.agentId, sources);
        if (result.embeddedSources.length > 0 || result.removedSources.length > 0) {
          deps.log.info("knowledge indexed", {
            agentId: agent.agentId,
            chunks: result.chunks,
            embeddedSources: result.embeddedSources.length,
            removedSources: result.removedSources.length,
          });
        }
        // Library documents whose indexing a restart interrupted start again.
        await requeueLibrary(deps, agent.agentId, { stuckOnly: true });
      } catch (error) {
        deps.log.error("knowledge indexing failed", { agentId: agent.agentId, error });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
