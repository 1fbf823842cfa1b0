/** What `agents.extractDocument` reads as text (.pdf through its text layer). */
export const KNOWLEDGE_DOCUMENT_EXTENSIONS = [".txt", ".md", ".markdown", ".json", ".pdf"] as const;

/** One uploaded knowledge document, decoded. */
export const MAX_KNOWLEDGE_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** The same bound on the base64 text the upload travels as in a JSON body. */
export const MAX_KNOWLEDGE_DOCUMENT_BASE64 = Math.ceil(MAX_KNOWLEDGE_DOCUMENT_BYTES / 3) * 4;
