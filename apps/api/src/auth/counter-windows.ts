import type { Repositories } from "@agents-crm/db";
import { tooManyRequests } from "../domain/errors";

type Kv = Repositories["kv"];

/**
 * Charges one attempt to every counter (fixed windows in the shared key/value table, so limits hold
 * across replicas) and lets the returned counts decide, so concurrent attempts each get their own
 * number. Over any limit, the charges are given back and the attempt is refused with the wait until
 * the fullest window resets, in `refusal`'s words.
 */
export async function chargeCounters(
  kv: Kv,
  limits: [key: string, limit: number][],
  windowSeconds: number,
  refusal: (retry: string) => string,
): Promise<string[]> {
  const options = { ttlSeconds: windowSeconds };
  const counters = await Promise.all(limits.map(([key]) => kv.increment(key, options)));
  const exceeded = counters.filter((counter, i) => counter.value > (limits[i]?.[1] ?? 0));
  const charged = limits.map(([key]) => key);
  if (exceeded.length === 0) return charged;

  await Promise.all(charged.map((key) => kv.decrement(key)));
  const resetsAt = Math.max(...exceeded.map((counter) => counter.expiresAt));
  const retryAfterSeconds = Math.max(1, resetsAt - Math.floor(Date.now() / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw tooManyRequests(refusal(`${minutes} minute${minutes === 1 ? "" : "s"}`), retryAfterSeconds);
}
