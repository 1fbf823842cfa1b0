export interface Dimensions {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);

const valid = (d: Dimensions): Dimensions | null =>
  d.width > 0 && d.height > 0 && Number.isFinite(d.width) && Number.isFinite(d.height) ? d : null;

/** The start-of-frame markers that carry the image's size (not DHT C4, JPG C8, DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Uint8Array): Dimensions | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (SOF.has(marker)) return valid({ height: u16be(b, i + 5), width: u16be(b, i + 7) });
    if (marker === 0xd9 || marker === 0xda) return null;
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): Dimensions | null {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === "VP8X") return valid({ width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 });
  if (chunk === "VP8L") {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return valid({ width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 });
  }
  if (chunk === "VP8 ")
    return valid({ width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff });
  return null;
}

/** HEIC keeps its size in an `ispe` property box: version/flags, then width and height. */
function heicSize(b: Uint8Array): Dimensions | null {
  const limit = Math.min(b.length - 16, 256 * 1024);
  for (let i = 4; i < limit; i++) {
    if (b[i] === 0x69 && b[i + 1] === 0x73 && b[i + 2] === 0x70 && b[i + 3] === 0x65) {
      return valid({ width: u32be(b, i + 8), height: u32be(b, i + 12) });
    }
  }
  return null;
}

/** Width and height of an image from its header; null for other types or a header we cannot read. */
export function imageSize(bytes: Uint8Array, mimeType: string): Dimensions | null {
  switch (mimeType) {
    case "image/png":
      return bytes.length >= 24
        ? valid({ width: u32be(bytes, 16), height: u32be(bytes, 20) })
        : null;
    case "image/gif":
      return bytes.length >= 10 ? valid({ width: u16le(bytes, 6), height: u16le(bytes, 8) }) : null;
    case "image/jpeg":
      return jpegSize(bytes);
    case "image/webp":
      return bytes.length >= 30 ? webpSize(bytes) : null;
    case "image/heic":
      return heicSize(bytes);
    default:
      return null;
  }
}
