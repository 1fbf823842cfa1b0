"use client";

import { useT } from "~/i18n/i18n-provider";
import { useRequestLimitUntil } from "~/features/request-limit/request-limit-context";
import { useLiveState } from "./admin-events";
import dot from "~/ui/live-dot.module.css";

/**
 * Whether the console is current: updates arriving over the socket (which reconnects by itself), and
 * requests not held back by the rate limit — "Live" next to refused requests would be a lie.
 */
export function LiveStatus() {
  const live = useLiveState();
  const state = useRequestLimitUntil() === null ? live : "throttled";
  const t = useT("common").live;
  return (
    <span className={dot.liveDot} data-state={state} data-testid="admin-live" role="status">
      {t[state]}
    </span>
  );
}
