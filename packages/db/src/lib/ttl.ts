/** TTL values are epoch SECONDS (what DynamoDB TTL reads); readers also treat past values as absent. */
export function toEpochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `hours` of 0 (or less) means "never expires": no TTL attribute is written. */
export function expiryAfterHours(from: Date, hours: number): number | undefined {
  if (!(hours > 0)) return undefined;
  return toEpochSeconds(from) + Math.round(hours * 3600);
}

export function expiryAfterSeconds(from: Date, seconds: number): number {
  return toEpochSeconds(from) + Math.round(seconds);
}

/** DynamoDB TTL deletes up to days late, so an item whose TTL has passed must read as absent. */
export function isExpired(
  item: Record<string, unknown> | undefined | null,
  attribute: string,
  now: Date,
): boolean {
  const value = item?.[attribute];
  return typeof value === "number" && value > 0 && value <= toEpochSeconds(now);
}
