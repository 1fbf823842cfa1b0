import { DocumentExtractionError, extractDocumentText } from "@agents-crm/ai";
import { invalidInput } from "../errors";

/** Uploads travel base64 in a JSON body; this bounds the decoded size. */
export const MAX_KNOWLEDGE_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_KNOWLEDGE_DOCUMENT_BASE64 = Math.ceil(MAX_KNOWLEDGE_DOCUMENT_BYTES / 3) * 4;

/** Text of an uploaded knowledge document, for the admin to paste into a source. */
export async function extractKnowledgeDocument(input: {
  filename: string;
  mimeType?: string;
  dataBase64: string;
}): Promise<{ text: string; pages?: string[]; bytes: number }> {
  const data = Buffer.from(input.dataBase64, "base64");
  try {
    const extracted = await extractDocumentText(
      { filename: input.filename, mimeType: input.mimeType, data: new Uint8Array(data) },
      { maxBytes: MAX_KNOWLEDGE_DOCUMENT_BYTES },
    );
    return { ...extracted, bytes: data.byteLength };
  } catch (error) {
    if (!(error instanceof DocumentExtractionError)) throw error;
    throw invalidInput(
      error.code === "unsupported_type" ? "filename" : "dataBase64",
      error.message,
    );
  }
}
