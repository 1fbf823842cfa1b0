import type { TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import type { RequestLimitState } from "./request-limit-state";
import { requestLimitWait } from "./request-limit-wait";

const MAX_ATTEMPTS = 5;

/**
 * Sends a request the API's rate limit refused again after the wait it named, and tells `state` so the
 * console can say so. Safe for mutations too: such a refusal comes before anything ran.
 */
export function retryLaterLink<TRouter extends AnyRouter>(
  state: RequestLimitState,
): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let attempts = 0;
        let current: Unsubscribable | null = null;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const attempt = () => {
          current = next(op).subscribe({
            next: (result) => observer.next(result),
            error: (error) => {
              const seconds = requestLimitWait(error);
              if (seconds === null || attempts >= MAX_ATTEMPTS) {
                observer.error(error);
                return;
              }
              attempts += 1;
              state.waiting(seconds);
              timer = setTimeout(attempt, seconds * 1000);
            },
            complete: () => observer.complete(),
          });
        };
        attempt();
        return () => {
          clearTimeout(timer);
          current?.unsubscribe();
        };
      });
}
