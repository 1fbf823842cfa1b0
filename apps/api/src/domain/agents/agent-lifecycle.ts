import { parseAgentConfig } from "@agents-crm/config/agent-config";
import { forgetAgent } from "../turns/agent-configs";
import type { AgentRecord } from "@agents-crm/db";
import { recordAudit } from "../audit";
import type { StaffContext } from "./agent-context";
import { deploymentModels } from "./agent-document";
import { reindexKnowledge, type KnowledgeOutcome } from "./agent-knowledge";
import { toAgentFull } from "./agent-views";
import { getAgentOrThrow } from "./save-agent";
import { requeueLibrary } from "../knowledge/library-indexer";

/**
 * Deactivates the agent everywhere: its bindings stop routing (webhooks find no active binding), its
 * knowledge index is removed, and web chat refuses new conversations for an inactive agent. The record,
 * its conversations and its bindings' settings are kept, so `activate` can undo it.
 */
export async function deactivateAgent(ctx: StaffContext, agentId: string) {
  const { repos, knowledge } = ctx.deps;
  const current = await getAgentOrThrow(ctx, agentId);
  const agent = current.isActive
    ? await repos.agents.setActive(agentId, false, { expectedVersion: current.version })
    : current;
  const bindings = await repos.channelBindings.listByAgent(agentId, { activeOnly: true });
  for (const binding of bindings) {
    await repos.channelBindings.update(binding.bindingId, { isActive: false });
  }
  await knowledge.removeAgent(agentId);
  forgetAgent(repos, agentId);
  const deactivatedBindingIds = bindings.map((b) => b.bindingId);
  // A repeated delete changes nothing; skipping its audit entry keeps the last real one, whose binding
  // list `activate` restores.
  if (!current.isActive && bindings.length === 0)
    return { agent: toAgentFull(agent), deactivatedBindingIds };
  await recordAudit(ctx, {
    action: "agent.delete",
    resourceType: "agent",
    resourceId: agentId,
    oldValue: { isActive: current.isActive },
    newValue: { isActive: false },
    metadata: { deactivatedBindingIds },
  });
  return { agent: toAgentFull(agent), deactivatedBindingIds };
}

/** The bindings the last `agent.delete` switched off (the audit log is where that is recorded). */
async function bindingsDeactivatedByDelete(ctx: StaffContext, agentId: string): Promise<string[]> {
  const page = await ctx.deps.repos.audit.list({
    resourceId: agentId,
    action: "agent.delete",
    limit: 1,
  });
  const ids = page.items[0]?.metadata.deactivatedBindingIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}

/** Undoes `delete`: active again, knowledge re-indexed, the bindings the delete switched off back on. */
export async function activateAgent(ctx: StaffContext, agentId: string) {
  const { repos } = ctx.deps;
  const current = await getAgentOrThrow(ctx, agentId);
  if (current.isActive) {
    return { agent: toAgentFull(current), reactivatedBindingIds: [], knowledge: null };
  }
  const agent = await repos.agents.setActive(agentId, true, { expectedVersion: current.version });
  forgetAgent(repos, agentId);
  const reactivatedBindingIds: string[] = [];
  for (const bindingId of await bindingsDeactivatedByDelete(ctx, agentId)) {
    const binding = await repos.channelBindings.get(bindingId);
    if (!binding || binding.agentId !== agentId || binding.isActive) continue;
    await repos.channelBindings.update(bindingId, { isActive: true });
    reactivatedBindingIds.push(bindingId);
  }
  const knowledge = await indexStored(ctx, agent);
  // Deactivating dropped the library's chunks with the rest of the index.
  await requeueLibrary(ctx.deps, agentId);
  await recordAudit(ctx, {
    action: "agent.activate",
    resourceType: "agent",
    resourceId: agentId,
    oldValue: { isActive: false },
    newValue: { isActive: true },
    metadata: { reactivatedBindingIds, knowledge },
  });
  return { agent: toAgentFull(agent), reactivatedBindingIds, knowledge };
}

async function indexStored(
  ctx: StaffContext,
  agent: AgentRecord,
): Promise<KnowledgeOutcome | null> {
  const parsed = parseAgentConfig(agent.config, deploymentModels(ctx.deps));
  if (!parsed.ok) return null;
  return reindexKnowledge(ctx.deps, agent.agentId, parsed.config, agent.isActive);
}
