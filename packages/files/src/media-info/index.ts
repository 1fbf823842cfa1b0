import { ascii, u16be, u32le, u8, seconds, type MediaInfo } from "./bytes";
import { isoMediaInfo } from "./iso-media";
import { matroskaInfo } from "./matroska";
import { mpegAudioInfo } from "./mpeg-audio";
import { oggInfo } from "./ogg";

export type { MediaInfo } from "./bytes";

/** WAV: the data chunk's size over the format's bytes per second. */
function wavInfo(b: Uint8Array): MediaInfo {
  let byteRate = 0;
  for (let at = 12; at + 8 <= b.length;) {
    const id = ascii(b, at, 4);
    const size = u32le(b, at + 4);
    if (id === "fmt ") byteRate = u32le(b, at + 16);
    if (id === "data") {
      const durationSec = byteRate > 0 ? seconds(size / byteRate) : undefined;
      return durationSec === undefined ? {} : { durationSec };
    }
    at += 8 + size + (size % 2);
  }
  return {};
}

/** Bytes of an AMR-NB frame after its table-of-contents byte, by mode (RFC 4867 §5.3); 20 ms each. */
const AMR_FRAME_BYTES = [12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0];

function amrInfo(b: Uint8Array): MediaInfo {
  let frames = 0;
  for (let at = 6; at < b.length; frames++)
    at += 1 + (AMR_FRAME_BYTES[(u8(b, at) >> 3) & 0x0f] ?? 0);
  const durationSec = seconds(frames * 0.02);
  return durationSec === undefined ? {} : { durationSec };
}

const ADTS_RATES = [
  96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
];

/** AAC in ADTS frames: 1,024 samples per raw block, frame by frame (each header names its length). */
function adtsInfo(b: Uint8Array): MediaInfo {
  const rate = ADTS_RATES[(u8(b, 2) >> 2) & 0x0f] ?? 0;
  let samples = 0;
  for (let at = 0; at + 7 <= b.length;) {
    if (u8(b, at) !== 0xff || (u8(b, at + 1) & 0xf0) !== 0xf0) break;
    const length = ((u8(b, at + 3) & 0x03) << 11) | (u8(b, at + 4) << 3) | (u8(b, at + 5) >> 5);
    if (length < 7) break;
    samples += 1024 * ((u8(b, at + 6) & 0x03) + 1);
    at += length;
  }
  const durationSec = rate > 0 ? seconds(samples / rate) : undefined;
  return durationSec === undefined ? {} : { durationSec };
}

/**
 * How long a recording lasts (and a video's picture size), read from its container's headers. Each
 * parser walks headers, not samples, except AMR and ADTS, whose frame headers are the only clock —
 * one step per frame of a file already capped by its kind's size limit. A file the parsers cannot
 * follow gives nothing, never an error: the length is a nicety, the file is still kept.
 */
export function mediaInfo(bytes: Uint8Array, mimeType: string): MediaInfo {
  try {
    switch (mimeType) {
      case "audio/ogg":
        return oggInfo(bytes);
      case "audio/mpeg":
        return mpegAudioInfo(bytes);
      case "audio/mp4":
      case "video/mp4":
      case "video/quicktime":
      case "video/3gpp":
        return isoMediaInfo(bytes);
      case "audio/webm":
      case "video/webm":
      case "video/x-matroska":
        return matroskaInfo(bytes);
      case "audio/wav":
        return wavInfo(bytes);
      case "audio/amr":
        return ascii(bytes, 0, 6) === "#!AMR\n" ? amrInfo(bytes) : {};
      case "audio/aac":
        return u16be(bytes, 0) >> 4 === 0xfff ? adtsInfo(bytes) : {};
      default:
        return {};
    }
  } catch {
    return {};
  }
}
