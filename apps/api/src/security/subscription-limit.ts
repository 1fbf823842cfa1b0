import type { Context } from "../context";
import { tooManyRequests } from "../trpc-errors";

/** Slots free as other subscriptions end; a client retrying after a few seconds is reasonable. */
const RETRY_AFTER_SECONDS = 5;

type Holder = Pick<Context, "deps" | "transport" | "connectionId" | "clientIp">;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * The slot is taken when the stream is first read and released in `finally`, which runs however it ends
 * (finished, failed, unsubscribed, socket closed): a stream that is never read holds nothing.
 */
async function* holdingSlot<T>(ctx: Holder, source: AsyncIterable<T>): AsyncGenerator<T> {
  const slot = ctx.deps.subscriptionSlots.take(ctx);
  if ("refused" in slot) throw tooManyRequests(slot.refused, RETRY_AFTER_SECONDS);
  try {
    yield* source;
  } finally {
    slot.release();
  }
}

/**
 * Subscriptions from clients (WebSocket, or HTTP server-sent events) count against the limits per
 * connection and per address. A full quota is refused before the procedure runs; the slot itself is
 * taken when streaming starts (see holdingSlot).
 */
export async function limitSubscription<R extends { ok: boolean; data?: unknown }>(
  ctx: Holder,
  next: () => Promise<R>,
): Promise<R> {
  if (ctx.transport === "internal") return next();
  const refused = ctx.deps.subscriptionSlots.refusal(ctx);
  if (refused !== null) throw tooManyRequests(refused, RETRY_AFTER_SECONDS);
  const result = await next();
  if (!result.ok || !isAsyncIterable(result.data)) return result;
  return { ...result, data: holdingSlot(ctx, result.data) };
}
