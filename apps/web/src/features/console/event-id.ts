// Admin event ids are ULIDs: 10 Crockford base32 characters of milliseconds, then 16 of randomness, so
// the smallest id of a millisecond is a resume point meaning "everything from then on".
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10;

export function eventIdFloor(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let time = "";
  for (let i = 0; i < TIME_CHARS; i++) {
    time = `${ALPHABET[rest % 32] ?? "0"}${time}`;
    rest = Math.floor(rest / 32);
  }
  return time + "0".repeat(16);
}

export function eventIdTime(id: string): number {
  let ms = 0;
  for (const char of id.slice(0, TIME_CHARS)) ms = ms * 32 + ALPHABET.indexOf(char);
  return ms;
}
