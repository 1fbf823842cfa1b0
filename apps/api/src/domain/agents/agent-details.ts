import { parseAgentConfig, type ConfigIssue } from "@agents-crm/config/agent-config";
import type { ConfigWarning } from "@agents-crm/config/agent-config";
import type { StaffContext } from "./agent-context";
import { deploymentModels } from "./agent-document";
import { toAgentFull } from "./agent-views";
import { getAgentOrThrow } from "./save-agent";

/**
 * The full record for the editor, with what the stored document does not do (warnings), whether it still
 * validates (documents written by the reference may not), and the size of its knowledge index.
 */
export async function agentDetails(ctx: StaffContext, agentId: string) {
  const agent = await getAgentOrThrow(ctx, agentId);
  const parsed = parseAgentConfig(agent.config, deploymentModels(ctx.deps));
  const warnings: ConfigWarning[] = parsed.ok ? parsed.warnings : [];
  const issues: ConfigIssue[] = parsed.ok ? [] : parsed.issues;
  const [chunks, bindings] = await Promise.all([
    ctx.deps.repos.ragChunks.countByAgent(agentId),
    ctx.deps.repos.channelBindings.listByAgent(agentId),
  ]);
  return {
    ...toAgentFull(agent),
    warnings,
    issues,
    knowledge: {
      chunks,
      sources: parsed.ok ? parsed.config.rag.sources.length : 0,
      ragEnabled: parsed.ok ? parsed.config.rag.enabled : false,
    },
    bindings: { total: bindings.length, active: bindings.filter((b) => b.isActive).length },
  };
}
