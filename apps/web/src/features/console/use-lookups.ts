"use client";

import { useMemo } from "react";
import type { AgentListItem, PipelineStage } from "./types";
import { trpc } from "~/lib/trpc";

const LOOKUP_STALE_MS = 60_000;

/** Agents for the filter and names by id (operators get summaries; that is all this needs). */
export function useAgents() {
  const query = trpc.agents.list.useQuery({ limit: 100 }, { staleTime: LOOKUP_STALE_MS });
  const items = query.data?.items;
  const byId = useMemo(
    () => new Map<string, AgentListItem>((items ?? []).map((agent) => [agent.agentId, agent])),
    [items],
  );
  return { agents: items ?? [], byId, query };
}

/** The pipeline's stages, in board order, and by id. */
export function useStages() {
  const query = trpc.stages.list.useQuery(undefined, { staleTime: LOOKUP_STALE_MS });
  const items = query.data?.items;
  const byId = useMemo(
    () => new Map<string, PipelineStage>((items ?? []).map((stage) => [stage.id, stage])),
    [items],
  );
  return { stages: items ?? [], byId, query };
}
