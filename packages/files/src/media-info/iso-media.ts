import { ascii, u32be, u64be, u8, pixels, seconds, type MediaInfo } from "./bytes";

interface Box {
  type: string;
  /** First byte after the header. */
  start: number;
  end: number;
}

/** The boxes laid end to end in [from, to); stops at the first that does not fit. */
function* boxes(b: Uint8Array, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = u32be(b, at);
    let header = 8;
    if (size === 1) {
      size = u64be(b, at + 8);
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header) return;
    yield { type: ascii(b, at + 4, 4), start: at + header, end: Math.min(at + size, to) };
    at += size;
  }
}

const child = (b: Uint8Array, parent: Box, type: string) => {
  for (const box of boxes(b, parent.start, parent.end)) if (box.type === type) return box;
  return undefined;
};

/**
 * MP4 / M4A / MOV / 3GP (ISO/IEC 14496-12): the movie header's duration over its timescale; a video
 * track's header gives the picture's size (16.16 fixed point), turned when its matrix says the phone was
 * held upright. `moov` may come after the media data: only box headers are walked to find it.
 */
export function isoMediaInfo(b: Uint8Array): MediaInfo {
  let moov: Box | undefined;
  for (const box of boxes(b, 0, b.length)) {
    if (box.type === "moov") {
      moov = box;
      break;
    }
  }
  if (!moov) return {};
  const info: MediaInfo = {};
  const mvhd = child(b, moov, "mvhd");
  if (mvhd) {
    const v1 = u8(b, mvhd.start) === 1;
    const timescale = u32be(b, mvhd.start + (v1 ? 20 : 12));
    const duration = v1 ? u64be(b, mvhd.start + 24) : u32be(b, mvhd.start + 16);
    const durationSec = timescale > 0 ? seconds(duration / timescale) : undefined;
    if (durationSec !== undefined) info.durationSec = durationSec;
  }
  for (const trak of boxes(b, moov.start, moov.end)) {
    if (trak.type !== "trak") continue;
    const tkhd = child(b, trak, "tkhd");
    if (!tkhd) continue;
    const v1 = u8(b, tkhd.start) === 1;
    const matrix = tkhd.start + (v1 ? 52 : 40);
    const size = tkhd.start + (v1 ? 88 : 76);
    const width = pixels(u32be(b, size) / 65_536);
    const height = pixels(u32be(b, size + 4) / 65_536);
    if (width === undefined || height === undefined) continue; // a sound track
    // Matrix a = 0 and b = ±1: turned by 90°, so it shows height × width.
    const turned = u32be(b, matrix) === 0 && u32be(b, matrix + 4) !== 0;
    return { ...info, width: turned ? height : width, height: turned ? width : height };
  }
  return info;
}
