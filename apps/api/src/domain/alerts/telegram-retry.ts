import { backoffMs, retry } from "@agents-crm/config/retry";
import { TelegramApiError } from "../../platforms/telegram-bot-api";

export interface RetryPolicy {
  attempts: number;
  /** First back-off after a network or server error; doubles per attempt. */
  baseDelayMs: number;
  /** A flood wait longer than this is not waited out. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxRetryAfterSeconds: 60,
};

/** How long to wait before the next attempt, or null when retrying cannot help. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number | null {
  if (!(error instanceof TelegramApiError)) return null;
  if (error.errorCode === 429) {
    // https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
    const seconds = error.retryAfterSeconds ?? 1;
    return seconds <= policy.maxRetryAfterSeconds ? seconds * 1000 : null;
  }
  // Unreachable or a server error; 400/401/403/404 (bad chat, revoked token, bot blocked) stay failed.
  if (error.errorCode === null || error.errorCode >= 500) {
    const { baseDelayMs } = policy;
    return backoffMs(attempt, { baseMs: baseDelayMs, jitter: { addUpToMs: baseDelayMs } });
  }
  return null;
}

export async function withTelegramRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  return retry(() => call(), {
    delayMs: (error, attempt) =>
      attempt < policy.attempts ? retryDelayMs(error, attempt, policy) : null,
  });
}
