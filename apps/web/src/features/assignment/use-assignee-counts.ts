"use client";

import { useEffect, useRef } from "react";
import { eventConversation } from "~/features/console/admin-event";
import { useAdminEvents } from "~/features/console/admin-events";
import { trpc } from "~/lib/trpc";

/** Changes come in bursts (a reply is a message and a take-over): one read for all of them. */
const REREAD_DELAY_MS = 400;

/**
 * Open conversations in the Mine / Unassigned / All views (`conversations.assigneeCounts`), read again
 * shortly after any conversation changes on the live stream; null until the first read.
 */
export function useAssigneeCounts() {
  const utils = trpc.useUtils();
  const counts = trpc.conversations.assigneeCounts.useQuery(undefined, {
    refetchOnMount: "always",
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useAdminEvents((event) => {
    if (event.type !== "resync" && !eventConversation(event)) return;
    if (event.type === "message.created" || event.type === "message.updated") return;
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => void utils.conversations.assigneeCounts.invalidate(),
      REREAD_DELAY_MS,
    );
  });
  return counts.data ?? null;
}
