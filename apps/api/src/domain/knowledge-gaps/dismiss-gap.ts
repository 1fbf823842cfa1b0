import { recordAudit } from "../audit";
import type { StaffContext } from "../agents/agent-context";
import { notFound } from "../errors";

/**
 * Removes a group once staff have dealt with it (added the answer, or judged it not worth one). If
 * customers ask again, it comes back as a new group with a fresh count.
 */
export async function dismissKnowledgeGap(
  ctx: StaffContext,
  input: { agentId: string; groupId: string },
): Promise<{ dismissed: true }> {
  const removed = await ctx.deps.repos.knowledgeGaps.remove(input.agentId, input.groupId);
  if (!removed) throw notFound(`Knowledge gap ${input.groupId} not found`);
  await recordAudit(ctx, {
    action: "knowledge_gap.dismiss",
    resourceType: "agent",
    resourceId: input.agentId,
    oldValue: { question: removed.question, count: removed.count },
    metadata: { groupId: input.groupId },
  });
  return { dismissed: true };
}
