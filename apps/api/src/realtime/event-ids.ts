// Event ids are ULIDs: 10 Crockford base32 characters of milliseconds, then 16 of randomness, so they
// compare as strings in time order.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10;

export const EVENT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The smallest id of millisecond `ms`: "every event from then on" as a resume point. */
export function eventIdFloor(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let time = "";
  for (let i = 0; i < TIME_CHARS; i++) {
    time = ALPHABET[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  return time + "0".repeat(16);
}

export function eventIdTime(id: string): number {
  let ms = 0;
  for (const char of id.slice(0, TIME_CHARS)) ms = ms * 32 + ALPHABET.indexOf(char);
  return ms;
}

/**
 * Where a subscription starts reading the log. Without a `lastEventId` it starts now (live only); with
 * one, right after it in a single process, or `skewMs` before it when replicas share events.
 */
export function resumePoint(lastEventId: string | null, skewMs: number, now: number): string {
  if (lastEventId === null) return eventIdFloor(now);
  if (skewMs <= 0) return lastEventId;
  return eventIdFloor(eventIdTime(lastEventId) - skewMs);
}
