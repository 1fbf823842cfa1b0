import { eventIdFloor, eventIdTime } from "@agents-crm/config/event-ids";

export { EVENT_ID_PATTERN, eventIdFloor, eventIdTime } from "@agents-crm/config/event-ids";

/**
 * Where a subscription starts reading the log. Without a `lastEventId` it starts now (live only); with
 * one, right after it in a single process, or `skewMs` before it when replicas share events.
 */
export function resumePoint(lastEventId: string | null, skewMs: number, now: number): string {
  if (lastEventId === null) return eventIdFloor(now);
  if (skewMs <= 0) return lastEventId;
  return eventIdFloor(eventIdTime(lastEventId) - skewMs);
}
