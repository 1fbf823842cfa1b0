import { nextRetryDelayMs, retry, type RetrySchedule } from "@agents-crm/config/retry";
import { sleep, type CallDeadline } from "./call-deadline";
import { toLlmError, type LlmError } from "./errors";

export interface RetryPolicy {
  /** Attempts in all, the first included (so 3 = two retries). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

export function retryPolicyFrom(options: {
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
}): RetryPolicy {
  return {
    maxAttempts: Math.max(
      1,
      Math.floor(options.maxRetries ?? DEFAULT_RETRY_POLICY.maxAttempts - 1) + 1,
    ),
    baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.retryMaxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
  };
}

/** Exponential back-off with "equal jitter" (half fixed, half random). */
const scheduleOf = (policy: RetryPolicy): RetrySchedule => ({
  maxAttempts: policy.maxAttempts,
  baseMs: policy.baseDelayMs,
  maxMs: policy.maxDelayMs,
  jitter: "equal",
});

/**
 * How long to wait before attempt `failedAttempts + 1`, or null when the error must be thrown now:
 * not retryable, attempts used up, or the wait would outlast the call's deadline. A server's
 * retry-after wins over our back-off.
 */
export function retryDelayMs(
  error: LlmError,
  failedAttempts: number,
  policy: RetryPolicy,
  remainingMs: number,
): number | null {
  if (!error.retryable) return null;
  const delay = nextRetryDelayMs(failedAttempts, scheduleOf(policy), error.retryAfterMs);
  return delay !== null && delay < remainingMs ? delay : null;
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

/**
 * Runs `attempt` until it succeeds or fails for good. `recover` may inspect a raw failure and return
 * true when it changed how the next request is made (e.g. a structured-output fallback): that
 * attempt is repeated at once, outside the transient-failure budget.
 */
export async function withRetries<T>(input: {
  endpoint: string;
  policy: RetryPolicy;
  deadline: CallDeadline;
  attempt: () => Promise<T>;
  recover?: (raw: unknown) => boolean;
}): Promise<RetryOutcome<T>> {
  const { endpoint, policy, deadline } = input;
  let attempts = 0;
  let failed = 0;
  const value = await retry(
    (attempt) => {
      attempts = attempt;
      return input.attempt();
    },
    {
      delayMs: (raw) => {
        if (input.recover?.(raw)) return 0;
        failed += 1;
        const error = toLlmError(raw, endpoint, deadline.cause());
        error.attempts = attempts;
        const delay = retryDelayMs(error, failed, policy, deadline.remainingMs());
        if (delay === null) throw error;
        return delay;
      },
      sleep: (ms) => waitOrThrow(ms, deadline, endpoint, attempts),
    },
  );
  return { value, attempts };
}

export async function waitOrThrow(
  ms: number,
  deadline: CallDeadline,
  endpoint: string,
  attempts: number,
): Promise<void> {
  try {
    await sleep(ms, deadline.signal);
  } catch (raw) {
    const error = toLlmError(raw, endpoint, deadline.cause());
    error.attempts = attempts;
    throw error;
  }
}
