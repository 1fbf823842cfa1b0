export interface FieldIssue {
  /** The agent document's field (`rag.retrieval.top_k`), or "" for the document as a whole. */
  field: string;
  message: string;
}

interface IssueCarrier {
  message?: unknown;
  data?: { code?: unknown; issues?: unknown } | null;
}

/**
 * The draft's invalid fields from a playground error: the API names them under the input's `config`
 * (`config.rag.retrieval.top_k`). null when the error is not about the draft (network, rate limit…).
 */
export function draftIssues(error: unknown): FieldIssue[] | null {
  if (typeof error !== "object" || error === null) return null;
  const { data } = error as IssueCarrier;
  if (data?.code !== "BAD_REQUEST" || !Array.isArray(data.issues)) return null;
  const issues: FieldIssue[] = [];
  for (const issue of data.issues as unknown[]) {
    if (typeof issue !== "object" || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== "string" || typeof message !== "string") continue;
    if (path === "config") issues.push({ field: "", message });
    else if (path.startsWith("config.")) issues.push({ field: path.slice(7), message });
  }
  return issues.length > 0 ? issues : null;
}
