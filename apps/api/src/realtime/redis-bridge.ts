import { backoffMs } from "@agents-crm/config/retry";
import { Redis } from "ioredis";
import { z } from "zod";
import type { Logger } from "../logger";
import type { RealtimeEvent } from "./types";

export const REDIS_CHANNEL = "agents-crm:events";

const wireSchema = z.object({
  /** The publishing process: it delivered locally already and skips its own echo. */
  o: z.string(),
  e: z.object({
    id: z.string(),
    stream: z.string(),
    type: z.string(),
    payload: z.unknown(),
    at: z.string(),
    transient: z.literal(true).optional(),
  }),
});

export interface RedisBridge {
  publish(event: RealtimeEvent): void;
  /** Resolves once subscribed (or rejects if Redis never answers within the timeout). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Cross-replica fan-out over one Redis pub/sub channel. Pub/sub is fire-and-forget: whatever a replica
 * misses while disconnected is in the durable log, so after a reconnect `onResync` lets the hub re-read
 * the streams it has listeners for.
 */
export function createRedisBridge(options: {
  url: string;
  origin: string;
  log: Logger;
  onEvent(event: RealtimeEvent): void;
  onResync(): void;
}): RedisBridge {
  const { log, origin } = options;
  const connection = {
    // Keep retrying forever with a capped back-off; publishes fail fast instead of queueing for ever.
    retryStrategy: (times: number) => backoffMs(times, { baseMs: 200, maxMs: 5_000 }),
    maxRetriesPerRequest: 2,
    connectionName: `agents-crm-api:${origin}`,
  };
  const publisher = new Redis(options.url, connection);
  const subscriber = new Redis(options.url, { ...connection, maxRetriesPerRequest: null });
  let closing = false;
  let connectedOnce = false;

  const warn = (role: string) => (error: Error) => {
    if (!closing) log.warn("redis connection problem", { role, error });
  };
  publisher.on("error", warn("publisher"));
  subscriber.on("error", warn("subscriber"));

  subscriber.on("message", (channel: string, text: string) => {
    if (channel !== REDIS_CHANNEL) return;
    let parsed: z.infer<typeof wireSchema>;
    try {
      parsed = wireSchema.parse(JSON.parse(text));
    } catch (error) {
      log.warn("ignored a malformed realtime message from redis", { error });
      return;
    }
    if (parsed.o === origin) return;
    options.onEvent(parsed.e);
  });

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis did not answer within 10 s")), 10_000);
    timer.unref();
    subscriber.on("ready", () => {
      // ioredis re-subscribes by itself after a reconnect; "ready" then means "we may have missed some".
      if (connectedOnce) {
        // Subscribing again is idempotent and its reply comes after ioredis's own re-subscription, so
        // the log is re-read only once live messages flow again.
        subscriber
          .subscribe(REDIS_CHANNEL)
          .then(() => {
            log.info("redis reconnected; re-reading the event log");
            options.onResync();
          })
          .catch((error: unknown) => log.warn("redis re-subscription failed", { error }));
        return;
      }
      subscriber
        .subscribe(REDIS_CHANNEL)
        .then(() => {
          connectedOnce = true;
          clearTimeout(timer);
          resolve();
        })
        .catch(reject);
    });
  });
  // Callers that never await `ready` must not crash the process with an unhandled rejection.
  ready.catch((error: unknown) => log.error("redis subscription failed", { error }));

  return {
    publish(event) {
      if (closing) return;
      publisher
        .publish(REDIS_CHANNEL, JSON.stringify({ o: origin, e: event }))
        .catch((error: unknown) => {
          if (!closing)
            log.warn("redis publish failed; other replicas miss this event until they resume", {
              error,
              stream: event.stream,
            });
        });
    },
    ready,
    async close() {
      closing = true;
      const quit = (client: Redis) =>
        Promise.race([
          client.quit().then(() => undefined),
          new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref()),
        ]).finally(() => client.disconnect());
      await Promise.allSettled([quit(publisher), quit(subscriber)]);
    },
  };
}
