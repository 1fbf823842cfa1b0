"use client";

import { trpc } from "~/lib/trpc";

/** Labels on conversations, most used first: the suggestions of the inbox's and the board's label filter. */
export function useLabelsInUse(): string[] {
  const query = trpc.conversations.labelsInUse.useQuery(undefined, {
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  return (query.data ?? []).map((entry) => entry.label);
}
