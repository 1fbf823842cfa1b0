"use client";

import { useQuery } from "@tanstack/react-query";
import { findAgentCard } from "./find-agent-card";
import { trpc } from "~/lib/trpc";

/** The public card of an active agent; `data` is null when the agent is unknown or inactive. */
export function useAgentCard(agentId: string) {
  const client = trpc.useUtils().client;
  return useQuery({
    queryKey: ["chat", "agent-card", agentId],
    queryFn: () => findAgentCard(agentId, (id) => client.agents.card.query({ agentId: id })),
    staleTime: 60_000,
  });
}
