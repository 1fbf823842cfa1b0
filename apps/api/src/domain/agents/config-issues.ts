import type { ConfigIssue } from "@agents-crm/config/agent-config";
import { invalidInputs, type DomainError } from "../errors";

/** `prompts.examples[2].user_message` → ["prompts", "examples", 2, "user_message"]; "(root)" → []. */
export function issuePathSegments(path: string): (string | number)[] {
  if (path === "(root)") return [];
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/**
 * BAD_REQUEST listing every invalid field of an agent document under the input field that carried it
 * (`config.rag.retrieval.top_k`), in the error formatter's `data.issues` shape.
 */
export function configIssuesError(issues: ConfigIssue[], inputField: string): DomainError {
  const inputIssues = issues.map((issue) => ({
    path: [inputField, ...issuePathSegments(issue.path)],
    message: issue.message,
  }));
  const first = inputIssues[0];
  const summary = first ? `${first.path.join(".")}: ${first.message}` : "invalid agent config";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return invalidInputs(inputIssues, `Invalid agent config: ${summary}${more}`);
}
