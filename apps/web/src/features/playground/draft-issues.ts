import { apiIssues, errorCode } from "~/features/console/api-error";

export interface FieldIssue {
  /** The agent document's field (`rag.retrieval.top_k`), or "" for the document as a whole. */
  field: string;
  message: string;
}

/**
 * The draft's invalid fields from a playground error: the API names them under the input's `config`
 * (`config.rag.retrieval.top_k`). null when the error is not about the draft (network, rate limit…).
 */
export function draftIssues(error: unknown): FieldIssue[] | null {
  if (errorCode(error) !== "BAD_REQUEST") return null;
  const issues = apiIssues(error).flatMap(({ path, message }) => {
    if (path === "config") return [{ field: "", message }];
    return path.startsWith("config.") ? [{ field: path.slice("config.".length), message }] : [];
  });
  return issues.length > 0 ? issues : null;
}
