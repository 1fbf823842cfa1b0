/**
 * Removes what a photo says about where and by whom it was taken: EXIF (GPS position, camera serial,
 * time), XMP and IPTC blocks and text chunks. The pixels are untouched. JPEG, PNG and WebP are handled;
 * other types come back unchanged (GIF carries no EXIF; HEIC is out of scope).
 */
export function stripImageMetadata(bytes: Uint8Array, mimeType: string): Uint8Array {
  switch (mimeType) {
    case "image/jpeg":
      return stripJpeg(bytes);
    case "image/png":
      return stripPng(bytes);
    case "image/webp":
      return stripWebp(bytes);
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
    i = end;
  }
  return b;
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
