import { agentConfigSchema } from "@agents-crm/config/agent-config";
import { apiIssues } from "~/features/console/api-error";
import { startsWithPath, type DocPath } from "./document-paths";

/** A problem with one field of the document, where the form can show it. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The same zod schema the API validates with, run in the browser. */
export function validateDocument(document: unknown): FieldIssue[] {
  const parsed = agentConfigSchema.safeParse(document);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === "number" ? key : String(key))),
    message: issue.message,
  }));
}

/** The input field of the procedure that carried the document (`config` / `text`) is not part of it. */
const DOCUMENT_INPUTS = new Set(["config", "text"]);

/**
 * The API's `data.issues` (`{ path: "config.prompts.examples.2.user_message", message }`) as document
 * paths; null when the error carries none (then it is not about a field).
 */
export function issuesFromApiError(error: unknown): FieldIssue[] | null {
  const issues = apiIssues(error).map(({ path, message }) => {
    const segments = path
      .split(".")
      .filter((key) => key !== "")
      .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    if (typeof segments[0] === "string" && DOCUMENT_INPUTS.has(segments[0])) segments.shift();
    return { path: segments, message };
  });
  return issues.length > 0 ? issues : null;
}

/** Issues of exactly this field, or (with `within`) of anything inside it. */
export function issuesAt(issues: readonly FieldIssue[], path: DocPath, within = false) {
  return issues.filter((issue) =>
    within
      ? startsWithPath(issue.path, path)
      : issue.path.length === path.length && startsWithPath(issue.path, path),
  );
}

/** Drops the issues an edit at `path` may have fixed (the field itself and anything inside it). */
export function withoutIssuesAt(issues: readonly FieldIssue[], path: DocPath): FieldIssue[] {
  return issues.filter(
    (issue) => !startsWithPath(issue.path, path) && !startsWithPath(path, issue.path),
  );
}

/**
 * A save the API refused: its field issues go onto the draft (shown at their fields), and the line
 * under the form is `serverRefused` then, or else the server's message.
 */
export function refusedSave(
  error: { message: string },
  setServerIssues: (issues: FieldIssue[]) => void,
  serverRefused: string,
): string {
  const issues = issuesFromApiError(error);
  if (issues) setServerIssues(issues);
  return issues ? serverRefused : error.message;
}
