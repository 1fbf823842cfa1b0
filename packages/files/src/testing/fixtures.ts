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

/**
 * A JPEG's structure (SOI, APP0, an APP1 EXIF block naming a GPS position, SOF0 with the size, SOS, EOI);
 * the scan data is filler, which is all a header reader and the metadata stripper look at.
 */
export function jpegWithExif(width: number, height: number, padding = 0): Buffer {
  const sof = Buffer.alloc(15);
  sof.writeUInt8(8, 0);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof.writeUInt8(3, 5);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "latin1")),
    segment(0xe1, Buffer.from("Exif\0\0MM\0*GPSLatitude 55.7558 GPSLongitude 37.6173", "latin1")),
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
