// Live event ids are ULIDs: 10 Crockford base32 characters of milliseconds, then 16 of randomness, so
// they compare as strings in time order, and the smallest id of a millisecond is a resume point meaning
// "every event from then on". The API resumes feeds from them; the console asks for them.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10;

export const EVENT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The smallest id of millisecond `ms`. */
export function eventIdFloor(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let time = "";
  for (let i = 0; i < TIME_CHARS; i++) {
    time = `${ALPHABET[rest % 32] ?? "0"}${time}`;
    rest = Math.floor(rest / 32);
  }
  return time + "0".repeat(16);
}

/** The millisecond an id was made in. */
export function eventIdTime(id: string): number {
  let ms = 0;
  for (const char of id.slice(0, TIME_CHARS)) ms = ms * 32 + ALPHABET.indexOf(char);
  return ms;
}
