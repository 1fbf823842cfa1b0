"use client";

import { useEffect, useRef } from "react";
import { useAdminEvents } from "~/features/console/admin-events";

/** Activity lands in bursts (a turn is several events): one re-read after the burst, not one per event. */
const REFRESH_AFTER_EVENT_MS = 3_000;

/** Re-reads a period's numbers once a burst of console activity settles. */
export function useRefetchAfterActivity(refetch: () => unknown) {
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  useAdminEvents((event) => {
    if (event.type === "message.updated" || event.type === "audit.appended" || refresh.current) {
      return;
    }
    refresh.current = setTimeout(() => {
      refresh.current = null;
      void refetch();
    }, REFRESH_AFTER_EVENT_MS);
  });
  useEffect(
    () => () => {
      if (refresh.current) clearTimeout(refresh.current);
    },
    [],
  );
}
