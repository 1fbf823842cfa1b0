import { errorCode } from "../api-error";

export interface ApiIssue {
  /** Dotted input path, e.g. `stages.2.name` or `moveTo.BOOKED` ("" for the whole input). */
  path: string;
  message: string;
}

/** The zod issues the API's error formatter puts in `data.issues` (bad input, named fields). */
export function apiIssues(error: unknown): ApiIssue[] {
  if (typeof error !== "object" || error === null || !("data" in error)) return [];
  const data = (error as { data?: { issues?: unknown } | null }).data;
  if (!Array.isArray(data?.issues)) return [];
  return data.issues.flatMap((issue: unknown) => {
    if (typeof issue !== "object" || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

/** The first message per field path, for showing next to the field. */
export function issuesByPath(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of apiIssues(error)) out[issue.path] ??= issue.message;
  return out;
}

export const isConflict = (error: unknown) => errorCode(error) === "CONFLICT";
export const isForbidden = (error: unknown) => errorCode(error) === "FORBIDDEN";

/** The server's text for an error no field claims (the formatter never leaks internals into it). */
export function errorMessage(error: unknown, fallback: string): string {
  if (errorCode(error) === "INTERNAL_SERVER_ERROR") return fallback;
  return error instanceof Error && error.message ? error.message : fallback;
}
