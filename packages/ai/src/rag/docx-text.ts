import { inflateRawSync } from "node:zlib";
import { DocumentExtractionError } from "./extraction-error";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** word/document.xml of a real document is far below this; a zip bomb is not. */
const MAX_XML_BYTES = 50 * 1024 * 1024;

/** One file of a zip archive (stored or deflated), or null when the archive has no such entry. */
function zipEntry(data: Uint8Array, wanted: string): Uint8Array | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = data.byteLength - 22; i >= Math.max(0, data.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries && at + 46 <= data.byteLength; n++) {
    if (view.getUint32(at, true) !== CENTRAL_ENTRY) return null;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name !== wanted) continue;
    if (localOffset + 30 > data.byteLength || view.getUint32(localOffset, true) !== LOCAL_HEADER)
      return null;
    const start =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    const body = data.subarray(start, start + compressedSize);
    if (size > MAX_XML_BYTES) return null;
    if (method === 0) return body;
    if (method === 8) return inflateRawSync(body, { maxOutputLength: MAX_XML_BYTES });
    return null;
  }
  return null;
}

const XML_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X"))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The text of a .docx (Office Open XML) document: its paragraphs, one per line, tables cell by cell. */
export function docxText(fileName: string, data: Uint8Array): string {
  let xml: Uint8Array | null;
  try {
    xml = zipEntry(data, "word/document.xml");
  } catch (error) {
    throw new DocumentExtractionError("unsupported_type", `"${fileName}" could not be read`, {
      cause: error,
    });
  }
  if (!xml)
    throw new DocumentExtractionError("unsupported_type", `"${fileName}" is not a .docx document`);
  const body = new TextDecoder().decode(xml);
  const paragraphs = body
    .split(/<\/w:p>/)
    .map((paragraph) =>
      decodeEntities(
        [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\s*\/>/g)]
          .map((match) => match[1] ?? (match[2] === "tab" ? "\t" : "\n"))
          .join(""),
      ),
    );
  return paragraphs
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join("\n");
}
