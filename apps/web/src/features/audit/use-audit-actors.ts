"use client";

import { useMemo } from "react";
import { trpc } from "~/lib/trpc";

/** Staff accounts for the actor filter and the e-mail shown on hover (one cached read for both). */
export function useAuditActors() {
  const query = trpc.users.list.useQuery({ limit: 200 }, { staleTime: 60_000 });
  const items = query.data?.items;
  const byId = useMemo(() => new Map((items ?? []).map((u) => [u.userId, u])), [items]);
  return { users: items ?? [], byId };
}
