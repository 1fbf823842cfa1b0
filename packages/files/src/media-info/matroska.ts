import { u8, pixels, seconds, type MediaInfo } from "./bytes";

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMESTAMP_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const VIDEO = 0xe0;
const PIXEL_WIDTH = 0xb0;
const PIXEL_HEIGHT = 0xba;
const CLUSTER = 0x1f43b675;
const CLUSTER_TIMESTAMP = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;
/** Browsers' recorders write no Duration: the last cluster, found within this many bytes of the end, tells. */
const LAST_CLUSTER_WINDOW = 2 * 1024 * 1024;

interface Element {
  id: number;
  start: number;
  /** One past its last byte (the parent's end when the size is "unknown", as live recordings write). */
  end: number;
}

/** An EBML variable-length integer (RFC 8794 §4): its value (marker kept for ids) and length. */
function vint(
  b: Uint8Array,
  at: number,
  keepMarker: boolean,
): { value: number; length: number } | null {
  const first = u8(b, at);
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || at + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + u8(b, at + i);
    if (u8(b, at + i) !== 0xff) allOnes = false;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

function* elements(b: Uint8Array, from: number, to: number): Generator<Element> {
  let at = from;
  while (at < to) {
    const id = vint(b, at, true);
    if (!id) return;
    const size = vint(b, at + id.length, false);
    if (!size) return;
    const start = at + id.length + size.length;
    const end = size.value < 0 ? to : Math.min(start + size.value, to);
    yield { id: id.value, start, end };
    if (size.value < 0) return; // unknown size: its children follow; the caller walks into it
    at = end;
  }
}

const uint = (b: Uint8Array, e: Element) => {
  let value = 0;
  for (let i = e.start; i < e.end && i < e.start + 8; i++) value = value * 256 + u8(b, i);
  return value;
};

function float(b: Uint8Array, e: Element): number {
  const view = new DataView(b.buffer, b.byteOffset + e.start, e.end - e.start);
  if (e.end - e.start === 4) return view.getFloat32(0);
  if (e.end - e.start === 8) return view.getFloat64(0);
  return Number.NaN;
}

/**
 * WebM / Matroska (RFC 9559): Info's Duration in units of its TimestampScale, the first video track's
 * PixelWidth × PixelHeight; without a Duration (MediaRecorder), the last block's time in the last cluster.
 */
export function matroskaInfo(b: Uint8Array): MediaInfo {
  let segment: Element | undefined;
  for (const e of elements(b, 0, b.length)) {
    if (e.id === SEGMENT) {
      segment = e;
      break;
    }
  }
  if (!segment) return {};
  let scale = 1_000_000;
  let duration = Number.NaN;
  let width: number | undefined;
  let height: number | undefined;
  for (const e of elements(b, segment.start, segment.end)) {
    if (e.id === INFO) {
      for (const field of elements(b, e.start, e.end)) {
        if (field.id === TIMESTAMP_SCALE) scale = uint(b, field) || scale;
        if (field.id === DURATION) duration = float(b, field);
      }
    } else if (e.id === TRACKS) {
      for (const track of elements(b, e.start, e.end)) {
        if (track.id !== TRACK_ENTRY || width !== undefined) continue;
        for (const video of elements(b, track.start, track.end)) {
          if (video.id !== VIDEO) continue;
          for (const field of elements(b, video.start, video.end)) {
            if (field.id === PIXEL_WIDTH) width = pixels(uint(b, field));
            if (field.id === PIXEL_HEIGHT) height = pixels(uint(b, field));
          }
        }
      }
    } else if (e.id === CLUSTER) break;
  }
  const ticks = Number.isFinite(duration) ? duration : lastBlockTime(b);
  const durationSec = ticks === undefined ? undefined : seconds((ticks * scale) / 1e9);
  return {
    ...(durationSec === undefined ? {} : { durationSec }),
    ...(width !== undefined && height !== undefined ? { width, height } : {}),
  };
}

/** The cluster timestamp plus the largest block offset in the file's last cluster. */
function lastBlockTime(b: Uint8Array): number | undefined {
  for (let at = b.length - 4; at >= Math.max(0, b.length - LAST_CLUSTER_WINDOW); at--) {
    if (b[at] !== 0x1f || b[at + 1] !== 0x43 || b[at + 2] !== 0xb6 || b[at + 3] !== 0x75) continue;
    const [cluster] = elements(b, at, b.length);
    if (!cluster || cluster.id !== CLUSTER) continue;
    let base: number | undefined;
    let latest = 0;
    for (const e of elements(b, cluster.start, cluster.end)) {
      if (e.id === CLUSTER_TIMESTAMP) base = uint(b, e);
      if (e.id === SIMPLE_BLOCK) latest = Math.max(latest, blockOffset(b, e));
      if (e.id === BLOCK_GROUP)
        for (const inner of elements(b, e.start, e.end))
          if (inner.id === BLOCK) latest = Math.max(latest, blockOffset(b, inner));
    }
    if (base !== undefined) return base + latest;
  }
  return undefined;
}

/** A block's signed 16-bit time offset, after its track number. */
function blockOffset(b: Uint8Array, block: Element): number {
  const track = vint(b, block.start, false);
  if (!track) return 0;
  const raw = (u8(b, block.start + track.length) << 8) | u8(b, block.start + track.length + 1);
  return raw >= 0x8000 ? raw - 0x10000 : raw;
}
