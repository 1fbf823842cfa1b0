"use client";

import { useState } from "react";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import dot from "~/ui/live-dot.module.css";

/** Shows whether the WebSocket link is up; the WS client reconnects by itself. */
export function LiveIndicator() {
  const t = useT("chat").connection;
  const [lastBeat, setLastBeat] = useState<Date | null>(null);
  const subscription = trpc.system.onStatus.useSubscription(
    { intervalMs: 10_000 },
    { onData: (event) => setLastBeat(event.data.serverTime) },
  );
  const live = subscription.status === "pending" && lastBeat !== null;
  return (
    <span
      className={dot.liveDot}
      data-state={live ? "live" : "offline"}
      data-testid="live-indicator"
    >
      {live ? t.live : subscription.status === "connecting" ? t.connecting : t.offline}
    </span>
  );
}
