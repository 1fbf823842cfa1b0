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
