import {
  KNOWLEDGE_DOCUMENT_EXTENSIONS,
  MAX_KNOWLEDGE_DOCUMENT_BYTES,
} from "@agents-crm/config/knowledge-upload";

export type FileProblem =
  | { kind: "type"; extension: string }
  | { kind: "empty" }
  | { kind: "size"; bytes: number; limit: number };

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot <= 0 ? "" : filename.slice(dot).toLowerCase();
}

/** Why a file cannot be uploaded as knowledge, before a byte is sent (the API checks again); null when it can. */
export function knowledgeFileProblem(file: { name: string; size: number }): FileProblem | null {
  const extension = extensionOf(file.name);
  if (!(KNOWLEDGE_DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    return { kind: "type", extension };
  }
  if (file.size === 0) return { kind: "empty" };
  if (file.size > MAX_KNOWLEDGE_DOCUMENT_BYTES) {
    return { kind: "size", bytes: file.size, limit: MAX_KNOWLEDGE_DOCUMENT_BYTES };
  }
  return null;
}

/** Base64 of the bytes, in slices so a large file does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let start = 0; start < bytes.length; start += slice) {
    binary += String.fromCharCode(...bytes.subarray(start, start + slice));
  }
  return btoa(binary);
}

/** "Price list 2026.pdf" → "price_list_2026", made unique among the sources' ids. */
export function sourceIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .replace(/\.[a-z0-9]+$/i, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60) || "document";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The title a file's source gets: its name without the extension. */
export function titleFromFilename(name: string): string {
  return name.replace(/\.[a-z0-9]+$/i, "").trim() || name;
}
