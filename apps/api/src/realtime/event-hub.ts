import { randomUUID } from "node:crypto";
import type { EventLogRepository, LoggedEvent } from "@agents-crm/db";
import type { Logger } from "../logger";
import { eventIdFloor, resumePoint } from "./event-ids";
import { createListenerRegistry } from "./listener-registry";
import { createRedisBridge, type RedisBridge } from "./redis-bridge";
import type { EventHub, RealtimeEvent } from "./types";

/**
 * With replicas, how far back a resume re-reads (see EventHub.resumeSkewMs): an event's id is taken
 * before its write, and a starved replica (CI's two cores running a build beside three replicas) has
 * been seen to finish that write more than 2 s later; re-reading costs a few duplicates the client drops.
 */
export const REPLICA_RESUME_SKEW_MS = 10_000;
const REPLAY_PAGE = 500;

export interface EventHubOptions {
  eventLog: EventLogRepository;
  log: Logger;
  /** REDIS_URL: share events with other API processes. */
  redisUrl?: string;
  /** This process's id on the Redis channel (default: random). */
  origin?: string;
  resumeSkewMs?: number;
}

const noop = () => undefined;

function toEvent(logged: LoggedEvent): RealtimeEvent {
  return {
    id: logged.eventId,
    stream: logged.stream,
    type: logged.type,
    payload: logged.payload,
    at: logged.createdAt,
  };
}

/** What a replica or a replay would see: JSON, so live and replayed events have the same shape. */
function plain<T>(payload: T): T {
  return JSON.parse(JSON.stringify(payload ?? null)) as T;
}

export function createEventHub(options: EventHubOptions): EventHub {
  const { eventLog, log } = options;
  const origin = options.origin ?? randomUUID();
  const resumeSkewMs = options.resumeSkewMs ?? (options.redisUrl ? REPLICA_RESUME_SKEW_MS : 0);
  const registry = createListenerRegistry(log);
  // Per stream: the last step of the publish chain, so fan-out follows id order (see `ordered`).
  const tails = new Map<string, Promise<void>>();
  // Per stream with listeners: the newest durable id delivered, where a resync after a Redis outage starts.
  const lastSeen = new Map<string, string>();
  let transientSeq = 0;
  let closed = false;

  const deliver = (event: RealtimeEvent) => {
    if (!event.transient && registry.has(event.stream)) {
      const seen = lastSeen.get(event.stream);
      if (seen === undefined || event.id > seen) lastSeen.set(event.stream, event.id);
    }
    registry.deliver(event);
  };

  const resync = async () => {
    for (const stream of registry.streams()) {
      const after = resumePoint(lastSeen.get(stream) ?? null, resumeSkewMs, Date.now());
      try {
        for (const event of await replay(stream, after)) deliver(event);
      } catch (error) {
        log.warn("event log re-read after a redis reconnect failed", { stream, error });
      }
    }
  };

  const bridge: RedisBridge | null = options.redisUrl
    ? createRedisBridge({
        url: options.redisUrl,
        origin,
        log,
        onEvent: deliver,
        onResync: () => void resync(),
      })
    : null;

  /**
   * The log assigns ids when `append` is called (monotonic in this process), but writes finish in any
   * order. Chaining the fan-out per stream delivers events in id order, so a subscriber resuming after
   * the newest id it saw never skips an older event that was still being written.
   */
  function ordered<T>(stream: string, step: () => Promise<T>): Promise<T> {
    const previous = tails.get(stream) ?? Promise.resolve();
    const result = previous.then(step);
    const tail = result.then(noop, noop);
    tails.set(stream, tail);
    void tail.then(() => {
      if (tails.get(stream) === tail) tails.delete(stream);
    });
    return result;
  }

  async function replay(
    stream: string,
    afterId: string | null,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<RealtimeEvent[]> {
    await tails.get(stream);
    const events: RealtimeEvent[] = [];
    let after = afterId;
    while (events.length < limit) {
      const page = Math.min(REPLAY_PAGE, limit - events.length);
      const logged = await eventLog.listAfter(stream, after, page);
      events.push(...logged.map(toEvent));
      if (logged.length < page) break;
      after = logged[logged.length - 1]?.eventId ?? after;
    }
    return events;
  }

  return {
    resumeSkewMs,
    ready: bridge?.ready ?? Promise.resolve(),

    publish<T>(stream: string, type: string, payload: T): Promise<RealtimeEvent<T>> {
      if (closed) return Promise.reject(new Error("event hub is closed"));
      const written = eventLog.append(stream, { type, payload: plain(payload) });
      // Handled here so a failed write that waits its turn in the chain is never "unhandled".
      written.catch(noop);
      return ordered(stream, async () => {
        const event = toEvent(await written);
        deliver(event);
        bridge?.publish(event);
        return event as RealtimeEvent<T>;
      });
    },

    rebroadcast(event: RealtimeEvent): void {
      if (closed || event.transient) return;
      deliver(event);
      bridge?.publish(event);
    },

    publishTransient<T>(stream: string, type: string, payload: T): Promise<void> {
      if (closed) return Promise.resolve();
      const event: RealtimeEvent<T> = {
        id: `${origin}:${++transientSeq}`,
        stream,
        type,
        payload: plain(payload),
        at: new Date().toISOString(),
        transient: true,
      };
      return ordered(stream, async () => {
        deliver(event);
        bridge?.publish(event);
      });
    },

    subscribe(stream, listener) {
      // A resync after a Redis outage re-reads from the newest event seen, or from when listening began.
      if (!lastSeen.has(stream)) lastSeen.set(stream, eventIdFloor(Date.now()));
      const remove = registry.add(stream, listener);
      return () => {
        remove();
        if (!registry.has(stream)) lastSeen.delete(stream);
      };
    },

    replay,

    listenerCount: (stream) => registry.count(stream),

    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...tails.values()]);
      await bridge?.close();
      registry.clear();
      lastSeen.clear();
    },
  };
}
