import type { ModelAnswer } from "../prompt/output-contract";
import type { RetrievedSource } from "../rag/types";

/**
 * The library documents to send with the reply: what the answer asked for, kept to documents that are
 * sendable and whose chunks this turn retrieved (a model cannot attach what it was not shown).
 */
export function attachmentsOf(
  answer: ModelAnswer | null,
  retrieved: readonly RetrievedSource[],
): string[] {
  const allowed = new Set(
    retrieved.filter((s) => s.sendable && s.documentId).map((s) => s.documentId as string),
  );
  const asked = (answer?.attach_document_ids ?? []).map((id) => id.trim());
  return [...new Set(asked.filter((id) => allowed.has(id)))];
}
