export type ExtractionErrorCode =
  "unsupported_type" | "unreadable_pdf" | "not_text" | "empty_document" | "too_large";

/** A document the user uploaded can't be turned into text; the message is safe to show to that user. */
export class DocumentExtractionError extends Error {
  override readonly name = "DocumentExtractionError";

  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
