import type { Context } from "../context";
import { tooManyRequests } from "../trpc-errors";

/**
 * A WebSocket call spends from the same per-IP budget as an HTTP request. Frames that are not calls
 * (or a client ignoring these errors) are caught by the socket's flood guard, which closes it.
 */
export function enforceWsCallLimit(ctx: Pick<Context, "deps" | "transport" | "clientIp">): void {
  if (ctx.transport !== "ws") return;
  const decision = ctx.deps.rateLimiter.take(ctx.clientIp);
  if (!decision.allowed) {
    throw tooManyRequests(
      "Too many requests. Please try again later.",
      decision.retryAfterMs / 1000,
    );
  }
}
