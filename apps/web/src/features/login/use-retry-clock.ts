"use client";

import { useEffect, useState } from "react";

/**
 * The current time, ticking every second while a throttled form waits for `retryAt` (epoch ms), so its
 * countdown and its disabled state follow the clock.
 */
export function useRetryClock(retryAt: number | null): { now: number; throttled: boolean } {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  return { now, throttled: retryAt !== null && retryAt > now };
}
