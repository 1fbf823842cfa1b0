"use client";

import { useMemo } from "react";
import { trpc } from "~/lib/trpc";

export type Assignee = { userId: string; name: string };

const STAFF_STALE_MS = 60_000;

/** Active staff by id: the names rows, badges and alerts show, and the assign control's options. */
export function useAssignees() {
  const query = trpc.conversations.assignees.useQuery(undefined, { staleTime: STAFF_STALE_MS });
  const people = query.data;
  const byId = useMemo(
    () => new Map<string, Assignee>((people ?? []).map((person) => [person.userId, person])),
    [people],
  );
  return { people: people ?? [], byId };
}
