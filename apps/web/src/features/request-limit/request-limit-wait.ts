/** A refused request is sent again after at most this long, even if the server asked for more. */
export const MAX_WAIT_SECONDS = 60;

/**
 * Seconds to wait before sending a request again, when the API's rate limit refused the whole request
 * before running any of it (`retryScope: "request"`); null for every other error, including a throttled
 * sign-in, which the sign-in form explains itself.
 */
export function requestLimitWait(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  const { code, retryScope, retryAfterSeconds } = data as Record<string, unknown>;
  if (code !== "TOO_MANY_REQUESTS" || retryScope !== "request") return null;
  const seconds = typeof retryAfterSeconds === "number" ? retryAfterSeconds : 1;
  return Math.min(MAX_WAIT_SECONDS, Math.max(1, Math.ceil(seconds)));
}
