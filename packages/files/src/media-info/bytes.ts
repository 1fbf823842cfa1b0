/** Bounds-safe readers: a short or damaged file reads zeros, never throws. */
export const u8 = (b: Uint8Array, i: number) => b[i] ?? 0;
export const u16be = (b: Uint8Array, i: number) => (u8(b, i) << 8) | u8(b, i + 1);
export const u16le = (b: Uint8Array, i: number) => u8(b, i) | (u8(b, i + 1) << 8);
export const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);
export const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 0x10000;
export const u64be = (b: Uint8Array, i: number) => u32be(b, i) * 2 ** 32 + u32be(b, i + 4);
export const u64le = (b: Uint8Array, i: number) => u32le(b, i) + u32le(b, i + 4) * 2 ** 32;
export const ascii = (b: Uint8Array, i: number, n: number) =>
  String.fromCharCode(...b.subarray(i, i + n));

/** What a recording says of itself; each field only when the bytes state it. */
export interface MediaInfo {
  durationSec?: number;
  width?: number;
  height?: number;
}

/** Seconds rounded to a tenth; nothing for a value that is not a plausible length (≤ 0, NaN, > a day). */
export function seconds(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0 || value > 86_400) return undefined;
  return Math.round(value * 10) / 10;
}

/** Pixels, when they look like a picture's size. */
export function pixels(value: number): number | undefined {
  return Number.isInteger(value) && value > 0 && value <= 65_535 ? value : undefined;
}
