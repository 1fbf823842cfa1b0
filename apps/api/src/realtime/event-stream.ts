import { eventIdFloor, resumePoint } from "./event-ids";
import { createEventQueue } from "./event-queue";
import type { EventHub, RealtimeEvent } from "./types";

/** More missed events than this and the client is told to reload instead (see RESYNC_EVENT). */
export const MAX_REPLAY = 1_000;
export const RESYNC_EVENT = "resync";
const REMEMBERED_IDS = 5_000;

export interface StreamItem {
  /**
   * The resume point after this item: the newest durable id delivered so far. Transient events carry it
   * too, so a client's `lastEventId` (tRPC keeps the id of the last item) never becomes a delta's id.
   */
  cursor: string;
  event: RealtimeEvent;
}

function recentIds(max: number) {
  const set = new Set<string>();
  const order: string[] = [];
  return {
    has: (id: string) => set.has(id),
    add(id: string) {
      set.add(id);
      order.push(id);
      if (order.length > max) set.delete(order.shift() as string);
    },
  };
}

/**
 * A subscription: missed events from the log, then live ones, with neither gaps nor duplicates.
 * It listens BEFORE reading the log: an event published meanwhile is both buffered and replayed, and the
 * buffered copy is dropped by id. Listeners are removed when the consumer stops or `signal` aborts.
 */
export async function* streamEvents(
  hub: EventHub,
  stream: string,
  options: { lastEventId?: string | null; signal?: AbortSignal; now?: () => number } = {},
): AsyncGenerator<StreamItem, void> {
  const now = options.now ?? Date.now;
  const queue = createEventQueue<RealtimeEvent>(options.signal);
  const unsubscribe = hub.subscribe(stream, (event) => queue.push(event));
  try {
    const seen = recentIds(REMEMBERED_IDS);
    if (options.lastEventId) seen.add(options.lastEventId);
    // The subscription's horizon: durable events at or before it are not this subscription's (a resync
    // after a Redis outage, for one, re-reads a window that may reach back before it began).
    const start = resumePoint(options.lastEventId ?? null, hub.resumeSkewMs, now());
    let cursor = start;
    const missed = await hub.replay(stream, cursor, MAX_REPLAY + 1);
    if (missed.length > MAX_REPLAY) {
      cursor = eventIdFloor(now() - hub.resumeSkewMs);
      const at = new Date().toISOString();
      yield { cursor, event: { id: cursor, stream, type: RESYNC_EVENT, payload: {}, at } };
    } else {
      for (const event of missed) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        if (event.id > cursor) cursor = event.id;
        yield { cursor, event };
      }
    }
    for await (const event of queue.drain()) {
      if (!event.transient) {
        if (event.id <= start || seen.has(event.id)) continue;
        seen.add(event.id);
        if (event.id > cursor) cursor = event.id;
      }
      yield { cursor, event };
    }
  } finally {
    unsubscribe();
  }
}
