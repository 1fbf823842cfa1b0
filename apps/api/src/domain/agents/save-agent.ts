import type { AuditAction } from "@agents-crm/config/audit-actions";
import { forgetAgent } from "../turns/agent-configs";
import type { ConfigWarning } from "@agents-crm/config/agent-config";
import type { AgentConfigDocument, AgentRecord } from "@agents-crm/db";
import { recordAudit } from "../audit";
import type { StaffContext } from "./agent-context";
import {
  validateMergedDocument,
  validateNewDocument,
  type ValidatedDocument,
} from "./agent-document";
import { knowledgeWarnings, reindexKnowledge, type KnowledgeOutcome } from "./agent-knowledge";
import { toAgentFull, type AgentFull } from "./agent-views";
import { conflict, notFound } from "../errors";

export interface SaveAgentResult {
  agent: AgentFull;
  /** Fields that import fine but do nothing, and knowledge that could not be indexed. */
  warnings: ConfigWarning[];
  knowledge: KnowledgeOutcome;
}

export async function getAgentOrThrow(ctx: StaffContext, agentId: string): Promise<AgentRecord> {
  const agent = await ctx.deps.repos.agents.get(agentId);
  if (!agent) throw notFound(`Agent ${agentId} not found`);
  return agent;
}

async function finish(
  ctx: StaffContext,
  agent: AgentRecord,
  valid: ValidatedDocument,
): Promise<SaveAgentResult> {
  const knowledge = await reindexKnowledge(ctx.deps, agent.agentId, valid.config, agent.isActive);
  return {
    agent: toAgentFull(agent),
    warnings: [...valid.warnings, ...knowledgeWarnings(knowledge)],
    knowledge,
  };
}

/** Stores a validated new agent (CONFLICT when the id is taken) and indexes its knowledge. */
export async function createAgent(
  ctx: StaffContext,
  input: { agentId: string; config: AgentConfigDocument },
  audit: { action: AuditAction; metadata?: Record<string, unknown> } = { action: "agent.create" },
): Promise<SaveAgentResult> {
  const valid = validateNewDocument(ctx.deps, input.agentId, input.config);
  const agent = await ctx.deps.repos.agents.create({
    agentId: input.agentId,
    config: valid.document,
  });
  const result = await finish(ctx, agent, valid);
  await recordAudit(ctx, {
    action: audit.action,
    resourceType: "agent",
    resourceId: agent.agentId,
    newValue: { config: agent.config, isActive: agent.isActive },
    metadata: { ...audit.metadata, warnings: result.warnings.length, knowledge: result.knowledge },
  });
  return result;
}

/**
 * Saves a new document over the stored one, conditioned on the version the change was computed from
 * (the caller's `expectedVersion`, or the version just read), so concurrent edits never overwrite each
 * other silently. created_at and is_active are kept: saving never re-activates a deleted agent.
 */
async function replaceDocument(
  ctx: StaffContext,
  current: AgentRecord,
  valid: ValidatedDocument,
  expectedVersion: number | undefined,
  audit: { action: AuditAction; metadata?: Record<string, unknown> },
): Promise<SaveAgentResult> {
  const agent = await ctx.deps.repos.agents.update(current.agentId, {
    config: valid.document,
    expectedVersion: expectedVersion ?? current.version,
  });
  // Turns cache agent configs briefly; this process sees the change at once.
  forgetAgent(ctx.deps.repos, current.agentId);
  const result = await finish(ctx, agent, valid);
  await recordAudit(ctx, {
    action: audit.action,
    resourceType: "agent",
    resourceId: agent.agentId,
    oldValue: { config: current.config, version: current.version },
    newValue: { config: agent.config, version: agent.version },
    metadata: { ...audit.metadata, warnings: result.warnings.length, knowledge: result.knowledge },
  });
  return result;
}

/** A validated deep merge (RFC 7396: objects merge, arrays and scalars replace, null removes). */
export async function updateAgent(
  ctx: StaffContext,
  input: { agentId: string; config: AgentConfigDocument; expectedVersion?: number },
): Promise<SaveAgentResult> {
  const current = await getAgentOrThrow(ctx, input.agentId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw conflict(
      `Agent ${input.agentId} is at version ${current.version}, not ${input.expectedVersion}; reload and try again`,
    );
  }
  const valid = validateMergedDocument(ctx.deps, input.agentId, current.config, input.config);
  return replaceDocument(ctx, current, valid, input.expectedVersion, { action: "agent.update" });
}

/** Import with overwrite: the whole document is replaced (not merged), the record's history kept. */
export async function overwriteAgent(
  ctx: StaffContext,
  current: AgentRecord,
  valid: ValidatedDocument,
): Promise<SaveAgentResult> {
  return replaceDocument(ctx, current, valid, undefined, {
    action: "agent.update",
    metadata: { via: "import", overwrite: true },
  });
}
