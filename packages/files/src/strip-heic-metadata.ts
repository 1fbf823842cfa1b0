/**
 * HEIC/HEIF (ISO/IEC 23008-12, on the ISO base media file format of ISO/IEC 14496-12) keeps EXIF — the
 * GPS position included — and XMP as *items* of the `meta` box: `iinf` names them (`infe` item type
 * `Exif`, or `mime` with an XMP content type) and `iloc` says where their bytes are (in `mdat` or in
 * `idat`). We overwrite those bytes with zeros instead of cutting them out: every offset in `iloc` stays
 * right, so the picture decodes as before. Orientation lives in `irot`/`imir` properties, not in EXIF,
 * so nothing is lost. A file we cannot follow comes back unchanged.
 */
export function stripHeicMetadata(bytes: Uint8Array): Uint8Array {
  const meta = findBox(bytes, 0, bytes.length, "meta");
  if (!meta) return bytes;
  const children = meta.start + 4; // full box: version and flags
  const iinf = findBox(bytes, children, meta.end, "iinf");
  const iloc = findBox(bytes, children, meta.end, "iloc");
  if (!iinf || !iloc) return bytes;
  const metadataItems = metadataItemIds(bytes, iinf);
  if (metadataItems.size === 0) return bytes;
  const idat = findBox(bytes, children, meta.end, "idat");
  const extents = itemExtents(bytes, iloc, metadataItems, idat?.start);
  if (!extents) return bytes;
  const out = Uint8Array.from(bytes);
  for (const { offset, length } of extents) {
    if (offset >= 0 && length > 0 && offset + length <= out.length)
      out.fill(0, offset, offset + length);
  }
  return out;
}

interface Box {
  /** First byte of the payload (after size and type). */
  start: number;
  /** One past its last byte. */
  end: number;
}

const u16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 0x10000 + u16(b, i + 2);
const uint = (b: Uint8Array, i: number, size: number) =>
  size === 0
    ? 0
    : size === 2
      ? u16(b, i)
      : size === 4
        ? u32(b, i)
        : u32(b, i) * 2 ** 32 + u32(b, i + 4);
const fourCc = (b: Uint8Array, i: number) => String.fromCharCode(...b.subarray(i, i + 4));

/** The first box of `type` among the boxes laid end to end in [from, to). */
function findBox(b: Uint8Array, from: number, to: number, type: string): Box | null {
  let at = from;
  while (at + 8 <= to) {
    let size = u32(b, at);
    let header = 8;
    if (size === 1) {
      size = uint(b, at + 8, 8);
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) return null;
    if (fourCc(b, at + 4) === type) return { start: at + header, end: at + size };
    at += size;
  }
  return null;
}

/** Ids of the `Exif` items and the `mime` items holding XMP. */
function metadataItemIds(b: Uint8Array, iinf: Box): Set<number> {
  const ids = new Set<number>();
  const version = b[iinf.start] ?? 0;
  let at = iinf.start + 4 + (version === 0 ? 2 : 4);
  while (at + 8 <= iinf.end) {
    const size = u32(b, at);
    if (size < 8 || at + size > iinf.end) break;
    if (fourCc(b, at + 4) === "infe") {
      const body = at + 8;
      const infeVersion = b[body] ?? 0;
      // Versions 0 and 1 carry no item type (and never hold EXIF in a HEIC); 2 and 3 do.
      if (infeVersion >= 2) {
        const idSize = infeVersion === 2 ? 2 : 4;
        const id = uint(b, body + 4, idSize);
        const typeAt = body + 4 + idSize + 2;
        const itemType = fourCc(b, typeAt);
        if (itemType === "Exif") ids.add(id);
        if (itemType === "mime") {
          const text = String.fromCharCode(...b.subarray(typeAt + 4, at + size));
          if (/rdf\+xml|xmp/i.test(text)) ids.add(id);
        }
      }
    }
    at += size;
  }
  return ids;
}

/** Where the items' bytes are, as file offsets; null when `iloc` cannot be read. */
function itemExtents(
  b: Uint8Array,
  iloc: Box,
  items: ReadonlySet<number>,
  idatStart: number | undefined,
): { offset: number; length: number }[] | null {
  const version = b[iloc.start] ?? 0;
  if (version > 2) return null;
  let at = iloc.start + 4;
  const offsetSize = (b[at] ?? 0) >> 4;
  const lengthSize = (b[at] ?? 0) & 0x0f;
  const baseOffsetSize = (b[at + 1] ?? 0) >> 4;
  const indexSize = version === 0 ? 0 : (b[at + 1] ?? 0) & 0x0f;
  at += 2;
  const count = version < 2 ? u16(b, at) : u32(b, at);
  at += version < 2 ? 2 : 4;
  const extents: { offset: number; length: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (at > iloc.end) return null;
    const id = version < 2 ? u16(b, at) : u32(b, at);
    at += version < 2 ? 2 : 4;
    let construction = 0;
    if (version > 0) {
      construction = u16(b, at) & 0x0f;
      at += 2;
    }
    at += 2; // data_reference_index
    const base = uint(b, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = u16(b, at);
    at += 2;
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = uint(b, at, offsetSize);
      at += offsetSize;
      const length = uint(b, at, lengthSize);
      at += lengthSize;
      if (!items.has(id)) continue;
      // 0: offsets in the file; 1: offsets in `idat`'s payload; 2 (another item's bytes) holds no copy.
      if (construction === 0) extents.push({ offset: base + offset, length });
      else if (construction === 1 && idatStart !== undefined)
        extents.push({ offset: idatStart + base + offset, length });
    }
  }
  return at <= iloc.end ? extents : null;
}
