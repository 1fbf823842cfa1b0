import superjson, { type SuperJSONResult } from "superjson";
import type { CombinedDataTransformer } from "@trpc/server";
import { toWellFormedDeep } from "@agents-crm/config/well-formed-text";

/**
 * Realtime events are JSON by construction (the hub carries them as JSON), yet tRPC would run superjson
 * over each one once PER SUBSCRIBER: with 50 admins that walk was a third of the fan-out's allocations.
 * Events yielded by `trackedEvents` are remembered here and sent as superjson's own `{ json }` envelope,
 * which every superjson client reads back unchanged.
 */
const plainEvents = new WeakSet<object>();

export function markPlainJson<T extends object>(event: T): T {
  plainEvents.add(event);
  return event;
}

function isTrackedPlainEvent(value: unknown): boolean {
  if (typeof value !== "object" || value === null || !("data" in value)) return false;
  const data = value.data;
  return typeof data === "object" && data !== null && plainEvents.has(data);
}

export const apiTransformer: CombinedDataTransformer = {
  // Every procedure input, HTTP and WebSocket alike, passes here: lone surrogates (valid JSON, not text)
  // become U+FFFD before any procedure can store them.
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (value: SuperJSONResult): unknown =>
      toWellFormedDeep(superjson.deserialize(value)),
  },
  output: {
    serialize: (value: unknown) =>
      isTrackedPlainEvent(value) ? { json: value } : superjson.serialize(value),
    deserialize: (value: SuperJSONResult): unknown => superjson.deserialize(value),
  },
};
