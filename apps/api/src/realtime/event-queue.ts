export class SubscriberTooSlowError extends Error {
  override name = "SubscriberTooSlowError";
}

/**
 * A bounded buffer between hub listeners (sync) and a subscription's generator (async). Iteration ends
 * when `signal` aborts, even while waiting, so tRPC's unsubscribe reaches the generator's `finally`.
 * A consumer that falls `max` events behind gets an error: its client reconnects and resumes from the
 * log instead of this process buffering without bound.
 */
export function createEventQueue<T>(signal: AbortSignal | undefined, max = 10_000) {
  const items: T[] = [];
  let overflowed = false;
  let wake: (() => void) | null = null;
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort, { once: true });

  return {
    push(item: T): void {
      if (items.length >= max) overflowed = true;
      else items.push(item);
      wake?.();
    },

    async *drain(): AsyncGenerator<T, void> {
      try {
        while (!signal?.aborted) {
          if (overflowed) throw new SubscriberTooSlowError("subscriber fell too far behind");
          if (items.length > 0) {
            yield items.shift() as T;
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}
