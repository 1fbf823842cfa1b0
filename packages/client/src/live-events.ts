import type { AgentsCrmClient } from "./create-client";

type OnEventHandlers = Parameters<AgentsCrmClient["admin"]["onEvent"]["subscribe"]>[1];
type Tracked = Parameters<NonNullable<OnEventHandlers["onData"]>>[0];

/** One event of the console's live feed: `id` resumes after it, `event.type` says what happened. */
export interface LiveEvent {
  id: string;
  event: Tracked["data"];
}
export type AdminEvent = Tracked["data"];
export type EscalationEvent = Extract<AdminEvent, { type: "conversation.escalated" }>;

export interface LiveEventsOptions {
  /** Resume after this event (the `id` of the last one handled); the API replays what came since. */
  lastEventId?: string | null;
  /** Stops the stream (the loop over it ends). */
  signal?: AbortSignal;
}

/**
 * The admin live feed (`admin.onEvent`) as an async iterable: `for await (const { id, event } of …)`.
 * The WebSocket reconnects by itself and resumes from the last id it saw; a refusal (a wrong token)
 * ends the loop with the error.
 */
export async function* liveEvents(
  trpc: AgentsCrmClient,
  options: LiveEventsOptions = {},
): AsyncGenerator<LiveEvent, void, undefined> {
  const queue: LiveEvent[] = [];
  let failure: { error: unknown } | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const subscription = trpc.admin.onEvent.subscribe(
    { lastEventId: options.lastEventId ?? null },
    {
      onData: ({ id, data }) => {
        queue.push({ id, event: data });
        notify();
      },
      onError: (error) => {
        failure = { error };
        notify();
      },
      onComplete: () => {
        ended = true;
        notify();
      },
    },
  );
  const abort = () => {
    ended = true;
    notify();
  };
  options.signal?.addEventListener("abort", abort, { once: true });
  try {
    while (!options.signal?.aborted) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    options.signal?.removeEventListener("abort", abort);
    subscription.unsubscribe();
  }
}

/** Only the escalations of the live feed (reminders included: `payload.realert`). */
export async function* escalations(
  trpc: AgentsCrmClient,
  options: LiveEventsOptions = {},
): AsyncGenerator<{ id: string; event: EscalationEvent }, void, undefined> {
  for await (const item of liveEvents(trpc, options)) {
    if (item.event.type === "conversation.escalated") yield { id: item.id, event: item.event };
  }
}
