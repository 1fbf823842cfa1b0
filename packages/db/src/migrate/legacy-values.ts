import { createHash } from "node:crypto";
import { encodeTime } from "ulid";

/**
 * Values as the reference product wrote them. Its timestamps are ISO-8601 strings (UTC, sometimes
 * without a zone or with microseconds); its message ids are random uuid4s, which do not sort by time.
 */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function isTimeOrderedId(id: string): boolean {
  return ULID.test(id);
}

/** A zone-less timestamp is UTC (the reference wrote UTC); numbers are epoch seconds or milliseconds. */
export function parseLegacyTimestamp(value: unknown): Date | undefined {
  let date: Date | undefined;
  if (typeof value === "number" && Number.isFinite(value)) {
    date = new Date(value < 1e11 ? value * 1000 : value);
  } else if (typeof value === "string" && value.trim() !== "") {
    const text = value.trim();
    date = new Date(/([zZ]|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
  }
  return date && !Number.isNaN(date.getTime()) && date.getTime() >= 0 ? date : undefined;
}

/**
 * The ULID a legacy message gets: its timestamp's milliseconds, then 80 bits of SHA-256 of the old id.
 * The same message always gets the same id, so a re-run (or a run resumed after a crash) finds the copy
 * it already wrote instead of making a second one.
 */
export function timeOrderedIdFor(legacyId: string, at: Date): string {
  const digest = createHash("sha256").update(legacyId).digest();
  let bits = BigInt(`0x${digest.subarray(0, 10).toString("hex")}`);
  let random = "";
  for (let i = 0; i < 16; i++) {
    random = CROCKFORD[Number(bits & 31n)] + random;
    bits >>= 5n;
  }
  return encodeTime(at.getTime(), 10) + random;
}
