"use client";

import { trpc } from "~/lib/trpc";

/**
 * Whether the API answers with its offline model (no LLM key configured), from `system.health`; null
 * until known. Where the console names an agent's model it says "offline model" then, because the
 * configured name ("gpt-4o-mini") is not what answers.
 */
export function useOfflineModel(): boolean | null {
  const health = trpc.system.health.useQuery(undefined, { staleTime: 60_000 });
  return health.data?.model.offline ?? null;
}
