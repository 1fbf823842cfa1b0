import type { KnowledgeDocumentKind } from "@agents-crm/config/knowledge-library";
import { docxText } from "./docx-text";
import { extractDocumentText } from "./extract-text";
import { DocumentExtractionError } from "./extraction-error";

export interface LibraryFile {
  fileName: string;
  mimeType?: string;
  data: Uint8Array;
}

/**
 * The text a library document is indexed by: typed text as it is, files through the same extraction as
 * the agent wizard's uploads (.docx added), and an image by its caption / alt text.
 */
export async function libraryDocumentText(
  kind: KnowledgeDocumentKind,
  source: { text?: string | null; caption?: string | null; file?: LibraryFile | null },
): Promise<string> {
  if (kind === "image") {
    const caption = source.caption?.trim() ?? "";
    if (!caption)
      throw new DocumentExtractionError(
        "empty_document",
        "an image is indexed by its caption: add one",
      );
    return caption;
  }
  if (source.text != null) {
    if (!source.text.trim())
      throw new DocumentExtractionError("empty_document", "the document contains no text");
    return source.text;
  }
  const file = source.file;
  if (!file) throw new DocumentExtractionError("empty_document", "the document has no file");
  if (kind === "docx") {
    const text = docxText(file.fileName, file.data);
    if (!text.trim())
      throw new DocumentExtractionError("empty_document", `"${file.fileName}" contains no text`);
    return text;
  }
  const extracted = await extractDocumentText({
    filename: file.fileName,
    mimeType: file.mimeType,
    data: file.data,
  });
  return extracted.text;
}
