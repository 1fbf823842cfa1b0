import { DOCX_MIME, PPTX_MIME, TGS_MIME, XLSX_MIME } from "@agents-crm/config/attachments";

/** What a file's first bytes say it is; `name` and `declaredType` only choose between look-alikes. */
export interface SniffHints {
  name?: string;
  declaredType?: string;
  /** The sender said it is a sticker (Telegram's animated stickers are gzipped JSON). */
  sticker?: boolean;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

const extensionOf = (name: string | undefined) =>
  name?.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? "";

/** Brands of the ISO base media file format (`ftyp` box) and what we store them as. */
function isoMediaType(bytes: Uint8Array, hints: SniffHints): string {
  const brands = [ascii(bytes, 8, 4)];
  const boxSize =
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  for (let i = 16; i + 4 <= Math.min(boxSize, 64, bytes.length); i += 4)
    brands.push(ascii(bytes, i, 4));
  const major = brands[0] ?? "";
  if (["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].includes(major))
    return "image/heic";
  if (major === "qt  ") return "video/quicktime";
  if (["M4A ", "M4B ", "F4A "].includes(major)) return "audio/mp4";
  if (major.startsWith("3g")) return "video/3gpp";
  if (major === "avif") return "image/avif";
  // A plain mp4 container holding only sound (WhatsApp's and iOS's voice notes) says so only in its tracks.
  if (hints.declaredType?.startsWith("audio/")) return "audio/mp4";
  return "video/mp4";
}

function zipType(bytes: Uint8Array, hints: SniffHints): string {
  // Office Open XML packages name their parts near the start ([Content_Types].xml, word/, xl/, ppt/).
  const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
  if (head.includes("word/")) return DOCX_MIME;
  if (head.includes("xl/")) return XLSX_MIME;
  if (head.includes("ppt/")) return PPTX_MIME;
  const ext = extensionOf(hints.name);
  if (ext === "docx") return DOCX_MIME;
  if (ext === "xlsx") return XLSX_MIME;
  if (ext === "pptx") return PPTX_MIME;
  return "application/zip";
}

function oleType(hints: SniffHints): string {
  const ext = extensionOf(hints.name);
  if (ext === "xls" || hints.declaredType === "application/vnd.ms-excel") {
    return "application/vnd.ms-excel";
  }
  if (ext === "doc" || hints.declaredType === "application/msword") return "application/msword";
  return "application/x-ole-storage";
}

/** Markup a browser would run: never stored as text, whatever the name says. */
const MARKUP = /^\s*(?:<!doctype\s+html|<html|<head|<body|<script|<iframe|<svg|<\?xml|<!--)/i;

function textType(bytes: Uint8Array, hints: SniffHints): string {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  if (sample.includes(0)) return "application/octet-stream";
  let text: string;
  try {
    // A multi-byte character may be cut at the sample's end: drop up to 3 trailing bytes.
    text = new TextDecoder("utf-8", { fatal: true }).decode(
      bytes.length > sample.length ? trimPartialUtf8(sample) : sample,
    );
  } catch {
    return "application/octet-stream";
  }
  const start = text.replace(/^\uFEFF/, "");
  if (MARKUP.test(start)) return /<svg/i.test(start.slice(0, 1024)) ? "image/svg+xml" : "text/html";
  if (/<(?:script|html|iframe|object|embed)[\s>]/i.test(start.slice(0, 4096))) return "text/html";
  const ext = extensionOf(hints.name);
  if (ext === "csv" || hints.declaredType === "text/csv") return "text/csv";
  return "text/plain";
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i] ?? 0;
    if ((b & 0xc0) === 0xc0) return bytes.subarray(0, end - i); // a lead byte whose tail was cut
    if ((b & 0xc0) !== 0x80) break; // ASCII: nothing cut
  }
  return bytes.subarray(0, end);
}

function webmType(bytes: Uint8Array, hints: SniffHints): string {
  const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
  if (!head.includes("webm")) return "video/x-matroska";
  if (hints.declaredType?.startsWith("audio/")) return "audio/webm";
  return "video/webm";
}

/** The MIME type of `bytes` from their content; "application/octet-stream" when nothing matches. */
export function sniffMimeType(bytes: Uint8Array, hints: SniffHints = {}): string {
  if (bytes.length === 0) return "application/x-empty";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF") {
    const form = ascii(bytes, 8, 4);
    if (form === "WEBP") return "image/webp";
    if (form === "WAVE") return "audio/wav";
    if (form === "AVI ") return "video/x-msvideo";
  }
  if (ascii(bytes, 4, 4) === "ftyp") return isoMediaType(bytes, hints);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return webmType(bytes, hints);
  if (ascii(bytes, 0, 4) === "OggS") return "audio/ogg";
  if (ascii(bytes, 0, 5) === "#!AMR") return "audio/amr";
  if (ascii(bytes, 0, 3) === "ID3") return "audio/mpeg";
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) {
    // Frame sync: layer bits 00 are ADTS (AAC), anything else MPEG audio (mp3).
    return ((bytes[1] ?? 0) & 0x06) === 0 ? "audio/aac" : "audio/mpeg";
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return "application/pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipType(bytes, hints);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleType(hints);
  if (startsWith(bytes, [0x1f, 0x8b])) {
    const tgs =
      hints.sticker || extensionOf(hints.name) === "tgs" || hints.declaredType === TGS_MIME;
    return tgs ? TGS_MIME : "application/gzip";
  }
  if (ascii(bytes, 0, 2) === "MZ") return "application/x-msdownload";
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "application/x-elf";
  return textType(bytes, hints);
}
