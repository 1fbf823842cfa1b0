import { ascii, u32be, u8, seconds, type MediaInfo } from "./bytes";

/** kbit/s by [MPEG-1 ? 0 : 1][layer III,II,I → 0,1,2][index]. */
const BITRATES = [
  [
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  ],
  [
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  ],
];
const RATES = {
  3: [44_100, 48_000, 32_000],
  2: [22_050, 24_000, 16_000],
  0: [11_025, 12_000, 8_000],
};
/** How far past the ID3 tag the first frame may start (junk, padding). */
const SYNC_WINDOW = 64 * 1024;

/**
 * MP3 (and MPEG layer I/II): the length a Xing/Info or VBRI header states (frames × samples per frame),
 * else — constant bit rate — the audio's size at the first frame's bit rate.
 */
export function mpegAudioInfo(b: Uint8Array): MediaInfo {
  let start = 0;
  if (ascii(b, 0, 3) === "ID3") {
    const size =
      ((u8(b, 6) & 0x7f) << 21) |
      ((u8(b, 7) & 0x7f) << 14) |
      ((u8(b, 8) & 0x7f) << 7) |
      (u8(b, 9) & 0x7f);
    start = 10 + size + (u8(b, 5) & 0x10 ? 10 : 0);
  }
  for (let at = start; at < Math.min(b.length - 4, start + SYNC_WINDOW); at++) {
    if (u8(b, at) !== 0xff || (u8(b, at + 1) & 0xe0) !== 0xe0) continue;
    const info = frameInfo(b, at);
    if (info) return info;
  }
  return {};
}

function frameInfo(b: Uint8Array, at: number): MediaInfo | null {
  const version = (u8(b, at + 1) >> 3) & 0x03; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (u8(b, at + 1) >> 1) & 0x03; // 1: III, 2: II, 3: I
  const bitrateIndex = u8(b, at + 2) >> 4;
  const rateIndex = (u8(b, at + 2) >> 2) & 0x03;
  if (version === 1 || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const rate = RATES[version as 0 | 2 | 3][rateIndex] ?? 0;
  const kbps = BITRATES[version === 3 ? 0 : 1]?.[layer - 1]?.[bitrateIndex] ?? 0;
  const samplesPerFrame = layer === 3 ? 384 : layer === 2 || version === 3 ? 1152 : 576;
  const mono = u8(b, at + 3) >> 6 === 3;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const xing = at + 4 + sideInfo;
  const tag = ascii(b, xing, 4);
  if ((tag === "Xing" || tag === "Info") && u8(b, xing + 7) & 0x01) {
    const durationSec = seconds((u32be(b, xing + 8) * samplesPerFrame) / rate);
    return durationSec === undefined ? {} : { durationSec };
  }
  if (ascii(b, at + 36, 4) === "VBRI") {
    const durationSec = seconds((u32be(b, at + 36 + 14) * samplesPerFrame) / rate);
    return durationSec === undefined ? {} : { durationSec };
  }
  const durationSec = seconds(((b.length - at) * 8) / (kbps * 1000));
  return durationSec === undefined ? {} : { durationSec };
}
