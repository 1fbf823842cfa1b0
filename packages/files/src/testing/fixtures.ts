import { deflateSync } from "node:zlib";

/** Tiny real files built in memory (tests and fake platform servers need no binary fixtures). */

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid width×height RGB PNG; `extra` chunks go before the image data. */
export function png(width: number, height: number, extra: [string, string][] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    ...extra.map(([type, text]) => pngChunk(type, Buffer.from(text, "latin1"))),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A little-endian EXIF block: IFD0 with Orientation (when given) and a GPS position in a text tag. */
function exif(orientation?: number): Buffer {
  const gps = Buffer.from("GPSLatitude 55.7558 GPSLongitude 37.6173\0", "latin1");
  const entries = orientation === undefined ? 1 : 2;
  const ifd = Buffer.alloc(2 + entries * 12 + 4);
  ifd.writeUInt16LE(entries, 0);
  const textOffset = 8 + ifd.length;
  // 0x010e ImageDescription (ASCII) pointing at the GPS text; then Orientation (SHORT).
  ifd.writeUInt16LE(0x010e, 2);
  ifd.writeUInt16LE(2, 4);
  ifd.writeUInt32LE(gps.length, 6);
  ifd.writeUInt32LE(textOffset, 10);
  if (orientation !== undefined) {
    ifd.writeUInt16LE(0x0112, 14);
    ifd.writeUInt16LE(3, 16);
    ifd.writeUInt32LE(1, 18);
    ifd.writeUInt16LE(orientation, 22);
  }
  return Buffer.concat([Buffer.from("Exif\0\0II*\0\x08\0\0\0", "latin1"), ifd, gps]);
}

/**
 * A JPEG's structure (SOI, APP0, an APP1 EXIF block naming a GPS position, SOF0 with the size, SOS, EOI);
 * the scan data is filler, which is all a header reader and the metadata stripper look at.
 */
export function jpegWithExif(
  width: number,
  height: number,
  padding = 0,
  orientation?: number,
): Buffer {
  const sof = Buffer.alloc(15);
  sof.writeUInt8(8, 0);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof.writeUInt8(3, 5);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "latin1")),
    segment(0xe1, exif(orientation)),
    segment(
      0xe1,
      Buffer.from("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS</x:xmpmeta>", "latin1"),
    ),
    segment(0xc0, sof),
    segment(0xda, Buffer.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0])),
    Buffer.alloc(padding + 16, 0x55),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A zip local-file header naming an Office part is all sniffing reads of a .docx/.xlsx. */
export function officeZip(part: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(part.length, 26);
  return Buffer.concat([header, Buffer.from(part), Buffer.alloc(64)]);
}

export const oggOpus = () =>
  Buffer.concat([
    Buffer.from("OggS\0\x02", "latin1"),
    Buffer.alloc(22),
    Buffer.from("OpusHead\x01\x02"),
  ]);

export const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
}

const fullBox = (type: string, version: number, ...payload: Buffer[]) =>
  box(type, Buffer.from([version, 0, 0, 0]), ...payload);

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}

/** An `infe` (version 2): item id, protection index 0, item type, empty name. */
const infe = (id: number, type: string) =>
  fullBox("infe", 2, u16be(id), u16be(0), Buffer.from(`${type}\0`, "latin1"));

/**
 * A HEIC laid out as an iPhone writes one (ISO/IEC 23008-12; the box order libheif's and exiftool's test
 * images use): `ftyp` heic/mif1, then `meta` with `hdlr` pict, `pitm`, `iinf` naming the primary
 * `hvc1` image item and an `Exif` item, `iprp` with the image's `ispe` size, and `iloc` pointing both
 * items into `mdat` — the coded picture (filler here) and the EXIF block naming a GPS position, stored
 * as HEIF Annex A says (a 4-byte offset to the TIFF header, then "Exif\0\0" and the TIFF data).
 */
export function heicWithExif(width: number, height: number): Buffer {
  const picture = Buffer.alloc(64, 0x55);
  const exifItem = Buffer.concat([u32be(6), exif(1)]);
  const ftyp = box("ftyp", Buffer.from("heic\0\0\0\0mif1heic", "latin1"));
  const metaWith = (pictureAt: number, exifAt: number) =>
    fullBox(
      "meta",
      0,
      fullBox(
        "hdlr",
        0,
        u32be(0),
        Buffer.from("pict", "latin1"),
        Buffer.alloc(12),
        Buffer.from([0]),
      ),
      fullBox("pitm", 0, u16be(1)),
      fullBox("iinf", 0, u16be(2), infe(1, "hvc1"), infe(2, "Exif")),
      box(
        "iprp",
        box("ipco", fullBox("ispe", 0, u32be(width), u32be(height))),
        fullBox("ipma", 0, u32be(1), u16be(1), Buffer.from([1, 0x01])),
      ),
      fullBox(
        "iloc",
        0,
        Buffer.from([0x44, 0x00]),
        u16be(2),
        ...[
          [1, pictureAt, picture.length],
          [2, exifAt, exifItem.length],
        ].map(([id, at, length]) =>
          Buffer.concat([u16be(id ?? 0), u16be(0), u16be(1), u32be(at ?? 0), u32be(length ?? 0)]),
        ),
      ),
    );
  const mdatStart = ftyp.length + metaWith(0, 0).length + 8;
  return Buffer.concat([
    ftyp,
    metaWith(mdatStart, mdatStart + picture.length),
    box("mdat", picture, exifItem),
  ]);
}
export * from "./media-fixtures";
