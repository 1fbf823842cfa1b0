import type { AgentCard } from "./chat-types";

interface CardsPage {
  items: AgentCard[];
  nextCursor: string | null;
}

/** Pages through the public cards (active agents only) until `agentId` is found: null = not available. */
export async function findAgentCard(
  agentId: string,
  fetchPage: (cursor: string | null) => Promise<CardsPage>,
  maxPages = 20,
): Promise<AgentCard | null> {
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const { items, nextCursor } = await fetchPage(cursor);
    const card = items.find((item) => item.agentId === agentId);
    if (card) return card;
    if (!nextCursor) return null;
    cursor = nextCursor;
  }
  return null;
}
