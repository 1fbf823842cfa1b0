import { decodeTime, encodeTime } from "ulid";

// ULIDs start with their creation time in ms as 10 Crockford base32 characters, so a time range of
// messages is a key range on the messages table's sort key.

/** The 10-character time part of every ULID made at `ms` (a negative or fractional time is clamped). */
export const ulidTimePrefix = (ms: number): string => encodeTime(Math.max(0, Math.floor(ms)), 10);

/** When a ULID was made, in ms. */
export const ulidTime = (ulid: string): number => decodeTime(ulid);

/** Inclusive bounds of every ULID created within [fromMs, toMs]. */
export function ulidRange(fromMs: number, toMs: number): { low: string; high: string } {
  return {
    low: ulidTimePrefix(fromMs) + "0".repeat(16),
    high: ulidTimePrefix(toMs) + "Z".repeat(16),
  };
}
