import type { StaffContext } from "./agent-context";
import { createAgent, getAgentOrThrow, type SaveAgentResult } from "./save-agent";

/** A new, active agent with a copy of the source's document (bindings are not copied). */
export async function cloneAgent(
  ctx: StaffContext,
  input: { agentId: string; newAgentId: string },
): Promise<SaveAgentResult> {
  const source = await getAgentOrThrow(ctx, input.agentId);
  return createAgent(
    ctx,
    { agentId: input.newAgentId, config: { ...source.config, agent_id: input.newAgentId } },
    { action: "agent.clone", metadata: { sourceAgentId: input.agentId } },
  );
}
