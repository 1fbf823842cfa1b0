import { KNOWLEDGE_DOCUMENT_EXTENSIONS } from "@agents-crm/config/knowledge-upload";
import { extractText, getDocumentProxy } from "unpdf";
import { DocumentExtractionError } from "./extraction-error";

export interface DocumentInput {
  filename: string;
  mimeType?: string;
  data: Uint8Array;
}

export interface ExtractedDocument {
  text: string;
  /** Text per page, for PDFs. */
  pages?: string[];
}

export interface ExtractOptions {
  maxBytes?: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

type DocumentKind = "text" | "pdf";

const TEXT_MIME_TYPES = new Set([
  "text/plain",
  "text/markdown",
  "text/x-markdown",
  "application/json",
]);

/** Text of an uploaded knowledge document (.txt, .md, .json kept as text; .pdf via its text layer). */
export async function extractDocumentText(
  input: DocumentInput,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (input.data.byteLength > maxBytes) {
    throw new DocumentExtractionError(
      "too_large",
      `"${input.filename}" is larger than ${maxBytes} bytes`,
    );
  }
  const result =
    documentKind(input) === "pdf" ? await extractPdf(input) : { text: decodeText(input) };
  if (!result.text.trim()) {
    throw new DocumentExtractionError("empty_document", `"${input.filename}" contains no text`);
  }
  return result;
}

function documentKind({ filename, mimeType }: DocumentInput): DocumentKind {
  const extension = /\.[^.]+$/.exec(filename.toLowerCase())?.[0] ?? "";
  if (extension === ".pdf") return "pdf";
  if ((KNOWLEDGE_DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) return "text";
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (mime === "application/pdf") return "pdf";
  if (mime && TEXT_MIME_TYPES.has(mime)) return "text";
  throw new DocumentExtractionError(
    "unsupported_type",
    `"${filename}" is not a supported document type (supported: ${KNOWLEDGE_DOCUMENT_EXTENSIONS.join(", ")})`,
  );
}

function decodeText({ filename, data }: DocumentInput): string {
  try {
    // fatal: a binary file renamed to .txt must be rejected, not indexed as replacement characters.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false })
      .decode(data)
      .replace(/\r\n?/g, "\n");
  } catch (error) {
    throw new DocumentExtractionError("not_text", `"${filename}" is not UTF-8 text`, {
      cause: error,
    });
  }
}

async function extractPdf({ filename, data }: DocumentInput): Promise<ExtractedDocument> {
  if (!startsWithPdfHeader(data)) {
    throw new DocumentExtractionError("unreadable_pdf", `"${filename}" is not a PDF file`);
  }
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy; verbosity 0 keeps its
    // recovery warnings for broken files off stdout.
    const pdf = await getDocumentProxy(data.slice(), { verbosity: 0 });
    try {
      const { text } = await extractText(pdf, { mergePages: false });
      const pages = text.map((page) => page.trim());
      return { text: pages.filter(Boolean).join("\n\n"), pages };
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "PasswordException"
        ? "is password-protected"
        : "could not be read";
    throw new DocumentExtractionError("unreadable_pdf", `PDF "${filename}" ${reason}`, {
      cause: error,
    });
  }
}

// The header may follow a little junk; readers accept it within the first kilobyte.
function startsWithPdfHeader(data: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(data.subarray(0, 1024));
  return head.includes("%PDF-");
}
