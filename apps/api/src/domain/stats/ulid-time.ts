// ULIDs start with their creation time in ms as 10 Crockford base32 characters, so a time range of
// messages is a key range on the messages table's sort key.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function ulidTimePrefix(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

export function ulidTime(ulid: string): number {
  let ms = 0;
  for (const char of ulid.slice(0, 10).toUpperCase()) ms = ms * 32 + ALPHABET.indexOf(char);
  return ms;
}

/** Inclusive bounds of every ULID created within [fromMs, toMs]. */
export function ulidRange(fromMs: number, toMs: number): { low: string; high: string } {
  return {
    low: ulidTimePrefix(fromMs) + "0".repeat(16),
    high: ulidTimePrefix(toMs) + "Z".repeat(16),
  };
}
