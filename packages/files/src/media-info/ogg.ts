import { ascii, u16le, u32le, u64le, u8, seconds, type MediaInfo } from "./bytes";

/** A page never exceeds 27 + 255 + 255 × 255 bytes: the last one starts within this many of the end. */
const LAST_PAGE_WINDOW = 65_307 + 1024;

/**
 * Ogg (Opus voice notes of Telegram and WhatsApp, Vorbis): the last page's granule position is the
 * stream's length in samples (RFC 3533), at 48 kHz less the pre-skip for Opus (RFC 7845 §4), at the
 * identification header's rate for Vorbis.
 */
export function oggInfo(b: Uint8Array): MediaInfo {
  const payload = 27 + u8(b, 26);
  let rate = 0;
  let preSkip = 0;
  if (ascii(b, payload, 8) === "OpusHead") {
    rate = 48_000;
    preSkip = u16le(b, payload + 10);
  } else if (ascii(b, payload, 7) === "\x01vorbis") {
    rate = u32le(b, payload + 12);
  }
  if (rate === 0) return {};
  for (let at = b.length - 27; at >= Math.max(0, b.length - LAST_PAGE_WINDOW); at--) {
    if (b[at] !== 0x4f || ascii(b, at, 4) !== "OggS") continue;
    const granule = u64le(b, at + 6);
    // -1 (all ones): no packet ends on this page; look further back.
    if (u32le(b, at + 6) === 0xffffffff && u32le(b, at + 10) === 0xffffffff) continue;
    const durationSec = seconds((granule - preSkip) / rate);
    return durationSec === undefined ? {} : { durationSec };
  }
  return {};
}
