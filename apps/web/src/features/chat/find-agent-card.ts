import type { AgentCard } from "./chat-types";
import { trpcErrorCode } from "./send-errors";

/** The public card of an active agent, or null when the API says it is unknown or inactive. */
export async function findAgentCard(
  agentId: string,
  fetchCard: (agentId: string) => Promise<AgentCard>,
): Promise<AgentCard | null> {
  try {
    return await fetchCard(agentId);
  } catch (error) {
    if (trpcErrorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
}
