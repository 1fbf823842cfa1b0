import { DocumentExtractionError, extractDocumentText } from "@agents-crm/ai";
import { MAX_KNOWLEDGE_DOCUMENT_BYTES } from "@agents-crm/config/knowledge-upload";
import { invalidInput } from "../errors";

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
