import type { WebSocket } from "ws";
import { createRateLimiter } from "./rate-limiter";

/** WebSocket close code 1008: policy violation. */
export const POLICY_VIOLATION = 1008;

/**
 * Counts every incoming frame of one socket. Calls are refused one by one by the per-IP limit; a socket
 * that keeps sending far past it (twice the budget: ignoring those errors, or sending frames that are
 * not calls) is closed. Registered before tRPC's own listener, so it sees each frame first.
 */
export function guardSocket(ws: WebSocket, callsPerMinute: number): void {
  const frames = createRateLimiter({ limit: callsPerMinute * 2, maxKeys: 1 });
  ws.on("message", () => {
    if (ws.readyState !== ws.OPEN) return;
    if (!frames.take("socket").allowed) ws.close(POLICY_VIOLATION, "rate limit exceeded");
  });
}
