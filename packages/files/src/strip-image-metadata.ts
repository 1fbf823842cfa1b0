import { stripHeicMetadata } from "./strip-heic-metadata";

/**
 * Removes what a photo says about where and by whom it was taken: EXIF (GPS position, camera serial,
 * time), XMP and IPTC blocks and text chunks. The pixels are untouched. JPEG, PNG, WebP and HEIC are
 * handled; other types come back unchanged (GIF carries no EXIF).
 */
export function stripImageMetadata(bytes: Uint8Array, mimeType: string): Uint8Array {
  switch (mimeType) {
    case "image/jpeg":
      return stripJpeg(bytes);
    case "image/png":
      return stripPng(bytes);
    case "image/webp":
      return stripWebp(bytes);
    case "image/heic":
      return stripHeicMetadata(bytes);
    default:
      return bytes;
  }
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number) =>
  ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;

/** APP1 (EXIF, XMP), APP13 (Photoshop IPTC) and comments; APP0 (JFIF), APP2 (ICC colour) and APP14 stay. */
const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe]);

function stripJpeg(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return b; // not a segment boundary: leave a file we do not understand alone
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    // Start of scan: the entropy-coded data and everything after it is kept as it is.
    if (marker === 0xda) {
      kept.push(b.subarray(i));
      return concat(kept);
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(b.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const end = i + 2 + u16be(b, i + 2);
    if (end > b.length) return b;
    if (!JPEG_DROPPED.has(marker)) kept.push(b.subarray(i, end));
    else if (marker === 0xe1) {
      // Phones store the picture sideways and say so in EXIF: keep that one fact, or it shows rotated.
      const orientation = exifOrientation(b.subarray(i + 4, end));
      if (orientation !== null && orientation !== 1) kept.push(orientationOnlyExif(orientation));
    }
    i = end;
  }
  return b;
}

/** The Orientation tag (0x0112) of an APP1 EXIF payload; null when there is none or it cannot be read. */
function exifOrientation(payload: Uint8Array): number | null {
  if (String.fromCharCode(...payload.subarray(0, 6)) !== "Exif\0\0") return null;
  const tiff = payload.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const u16 = (i: number) => (little ? (tiff[i] ?? 0) | ((tiff[i + 1] ?? 0) << 8) : u16be(tiff, i));
  const u32 = (i: number) => (little ? u16(i) + u16(i + 2) * 0x10000 : u32be(tiff, i));
  const ifd = u32(4);
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding a big-endian EXIF block with only the Orientation tag. */
function orientationOnlyExif(orientation: number): Uint8Array {
  const segment = new Uint8Array(2 + 2 + 32);
  const view = new DataView(segment.buffer);
  segment.set([0xff, 0xe1]);
  view.setUint16(2, 34);
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a], 4); // "Exif\0\0" "MM" 42
  view.setUint32(14, 8); // IFD0 right after the header
  view.setUint16(18, 1); // one entry
  view.setUint16(20, 0x0112); // Orientation
  view.setUint16(22, 3); // SHORT
  view.setUint32(24, 1); // one value
  view.setUint16(28, orientation);
  view.setUint32(32, 0); // no next IFD
  return segment;
}

const PNG_DROPPED = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

function stripPng(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = u32be(b, i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > b.length) return b;
    if (!PNG_DROPPED.has(type)) kept.push(b.subarray(i, end));
    i = end;
    if (type === "IEND") break;
  }
  return concat(kept);
}

const WEBP_DROPPED = new Set(["EXIF", "XMP "]);
/** VP8X flag bits saying EXIF (0x08) and XMP (0x04) chunks follow. */
const VP8X_METADATA_FLAGS = 0x08 | 0x04;

function stripWebp(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const type = String.fromCharCode(...b.subarray(i, i + 4));
    const size = u32le(b, i + 4);
    const end = i + 8 + size + (size % 2);
    if (end > b.length + 1) return b;
    if (!WEBP_DROPPED.has(type)) {
      const chunk = Uint8Array.from(b.subarray(i, Math.min(end, b.length)));
      if (type === "VP8X" && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~VP8X_METADATA_FLAGS;
      kept.push(chunk);
    }
    i = end;
  }
  const body = concat(kept);
  const header = Uint8Array.from(b.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
