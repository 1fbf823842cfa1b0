"use client";

import { useQuery } from "@tanstack/react-query";
import { findAgentCard } from "./find-agent-card";
import { trpc } from "~/lib/trpc";

/** The public card of an active agent; `data` is null when the agent is unknown or inactive. */
export function useAgentCard(agentId: string) {
  const utils = trpc.useUtils();
  return useQuery({
    queryKey: ["chat", "agent-card", agentId],
    // `agents.card` through the cache; an unknown or inactive agent is an answer (null), not an error.
    queryFn: () => findAgentCard(agentId, (id) => utils.agents.card.fetch({ agentId: id })),
    staleTime: 60_000,
  });
}
