import {
  MAX_CANNED_RESPONSES,
  type CannedLanguage,
  type CannedResponse,
} from "@agents-crm/config/canned-responses";
import type { StoredCannedResponse } from "@agents-crm/db";
import type { StaffContext } from "../agents/agent-context";
import { recordAudit } from "../audit";
import { conflict, invalidInput, notFound } from "../errors";

export interface CreateCannedResponseInput {
  shortcut: string;
  content: string;
  agentId?: string;
  language?: CannedLanguage;
}

export interface UpdateCannedResponseInput {
  responseId: string;
  shortcut?: string;
  content?: string;
  agentId?: string | null;
  language?: CannedLanguage | null;
  expectedVersion?: number;
}

/** What the API returns: the stored response with its version, for edits that check it. */
export type CannedResponseView = CannedResponse & { version: number };

const view = (r: StoredCannedResponse): CannedResponseView => r;

async function assertAgentExists(ctx: StaffContext, agentId: string | null | undefined) {
  if (agentId && !(await ctx.deps.repos.agents.get(agentId))) {
    throw invalidInput("agentId", `unknown agent "${agentId}"`);
  }
}

export async function createCannedResponse(
  ctx: StaffContext,
  input: CreateCannedResponseInput,
): Promise<CannedResponseView> {
  const repo = ctx.deps.repos.cannedResponses;
  await assertAgentExists(ctx, input.agentId);
  if ((await repo.count()) >= MAX_CANNED_RESPONSES) {
    throw conflict(`At most ${MAX_CANNED_RESPONSES} canned responses: remove some first`);
  }
  const created = await repo.create({ ...input, createdBy: ctx.principal.id });
  await recordAudit(ctx, {
    action: "canned_response.create",
    resourceType: "canned_response",
    resourceId: created.responseId,
    newValue: view(created),
  });
  return view(created);
}

export async function updateCannedResponse(
  ctx: StaffContext,
  input: UpdateCannedResponseInput,
): Promise<CannedResponseView> {
  const repo = ctx.deps.repos.cannedResponses;
  const { responseId, ...patch } = input;
  const current = await repo.get(responseId);
  if (!current) throw notFound(`Canned response ${responseId} not found`);
  await assertAgentExists(ctx, patch.agentId);
  const updated = await repo.update(responseId, patch);
  await recordAudit(ctx, {
    action: "canned_response.update",
    resourceType: "canned_response",
    resourceId: responseId,
    oldValue: view(current),
    newValue: view(updated),
  });
  return view(updated);
}

export async function deleteCannedResponse(ctx: StaffContext, responseId: string) {
  const removed = await ctx.deps.repos.cannedResponses.delete(responseId);
  if (!removed) throw notFound(`Canned response ${responseId} not found`);
  await recordAudit(ctx, {
    action: "canned_response.delete",
    resourceType: "canned_response",
    resourceId: responseId,
    oldValue: view(removed),
  });
  return { responseId, deleted: true as const };
}

/** A reply that used the response was sent: counted, so the list can put the most used first. */
export async function recordCannedResponseUse(ctx: StaffContext, responseId: string) {
  const used = await ctx.deps.repos.cannedResponses.recordUse(responseId);
  if (!used) throw notFound(`Canned response ${responseId} not found`);
  return { responseId, useCount: used.useCount };
}
