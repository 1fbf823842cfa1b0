/** What a tRPC client error carries that the console reads (the API's error formatter adds the rest). */
export interface ApiErrorLike {
  message: string;
  data?: {
    code?: string;
    httpStatus?: number;
    retryAfterSeconds?: number | null;
  } | null;
}

export function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as ApiErrorLike).data;
  return typeof data?.code === "string" ? data.code : null;
}

export const isUnauthorized = (error: unknown) => errorCode(error) === "UNAUTHORIZED";
export const isConflict = (error: unknown) => errorCode(error) === "CONFLICT";
export const isForbidden = (error: unknown) => errorCode(error) === "FORBIDDEN";

export interface ApiIssue {
  /** Dotted input path, e.g. `config.rag.top_k` or `stages.2.name` ("" for the whole input). */
  path: string;
  message: string;
}

/** The zod issues the API's error formatter puts in `data.issues`; [] when the error names no field. */
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

/** The server's text for an error no field claims (the formatter never leaks internals into it). */
export function errorMessage(error: unknown, fallback: string): string {
  if (errorCode(error) === "INTERNAL_SERVER_ERROR") return fallback;
  return error instanceof Error && error.message ? error.message : fallback;
}

export interface LoginProblem {
  /** Which text to show (`login.problems` in the dictionaries). */
  reason: "throttled" | "invalid" | "missing" | "unavailable";
  /** Sign-in is throttled until then (epoch ms); the form stays disabled and counts down. */
  retryAt: number | null;
}

/**
 * The sign-in failure to show. Throttling comes as TOO_MANY_REQUESTS with `retryAfterSeconds` — from
 * the login throttle (formatted by the API) or from the HTTP rate limit (a bare 429 without data).
 */
export function loginProblem(error: ApiErrorLike, nowMs: number): LoginProblem {
  const code = error.data?.code;
  const status = error.data?.httpStatus;
  if (code === "TOO_MANY_REQUESTS" || status === 429) {
    const seconds = error.data?.retryAfterSeconds ?? 60;
    return { reason: "throttled", retryAt: nowMs + Math.max(1, seconds) * 1000 };
  }
  if (code === "UNAUTHORIZED") return { reason: "invalid", retryAt: null };
  if (code === "BAD_REQUEST") return { reason: "missing", retryAt: null };
  return { reason: "unavailable", retryAt: null };
}

export interface RetryWords {
  retryInSeconds: (seconds: number) => string;
  retryInMinutes: (clock: string) => string;
}

/** "Try again in 14:59" / "Try again in 42 s" for a throttled form. */
export function formatRetryIn(retryAt: number, nowMs: number, words: RetryWords): string {
  const seconds = Math.max(0, Math.ceil((retryAt - nowMs) / 1000));
  if (seconds < 60) return words.retryInSeconds(seconds);
  const minutes = Math.floor(seconds / 60);
  return words.retryInMinutes(`${minutes}:${String(seconds % 60).padStart(2, "0")}`);
}
