import type { AgentConfigDocument, AgentRecord } from "@agents-crm/db";
import type { Staff } from "../../auth/principal";
import { canManage } from "../../auth/principal";
import { toAgentCard, type AgentCard } from "./agent-card";

/** What any staff member may know about an agent (operators filter conversations by it). */
export interface AgentSummary {
  agentId: string;
  card: AgentCard;
  isActive: boolean;
  model: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Owners and admins also see the document and its version (for optimistic concurrency). */
export interface AgentListItem extends AgentSummary {
  config?: AgentConfigDocument;
  version?: number;
}

function modelOf(config: AgentConfigDocument): string | null {
  const llm = config.llm;
  if (typeof llm !== "object" || llm === null) return null;
  const model = (llm as Record<string, unknown>).model;
  return typeof model === "string" && model.trim() !== "" ? model : null;
}

export function toAgentSummary(agent: AgentRecord): AgentSummary {
  return {
    agentId: agent.agentId,
    card: toAgentCard(agent.agentId, agent.config),
    isActive: agent.isActive,
    model: modelOf(agent.config),
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
  };
}

export function toAgentFull(agent: AgentRecord) {
  return { ...toAgentSummary(agent), config: agent.config, version: agent.version };
}
export type AgentFull = ReturnType<typeof toAgentFull>;

export function toAgentListItem(agent: AgentRecord, viewer: Staff): AgentListItem {
  return canManage(viewer) ? toAgentFull(agent) : toAgentSummary(agent);
}
