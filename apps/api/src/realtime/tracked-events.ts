import { tracked } from "@trpc/server";
import { streamEvents } from "./event-stream";
import { markPlainJson } from "./plain-json-events";
import type { EventHub } from "./types";

/**
 * A stream as tRPC subscription items: `tracked(resumeId, { type, payload, at })`. `TEvent` is the
 * stream's event union; the hub carries payloads as JSON, and only our own code publishes to a stream.
 */
export async function* trackedEvents<TEvent extends { type: string; payload: unknown }>(
  hub: EventHub,
  stream: string,
  options: { lastEventId?: string | null; signal?: AbortSignal },
) {
  for await (const { cursor, event } of streamEvents(hub, stream, options)) {
    const data = markPlainJson({
      type: event.type,
      payload: event.payload,
      at: event.at,
    }) as TEvent & {
      at: string;
    };
    yield tracked(cursor, data);
  }
}
