/**
 * Retrying, once for the whole code base: the delay schedule (exponential back-off with a cap and jitter,
 * a server's own wait winning over it) and the loop that runs an attempt until it succeeds or must fail.
 * Each caller keeps its own policy (how many attempts, which errors are worth another try); this holds
 * only the arithmetic and the loop. No Node APIs, so the browser may import it too.
 */

/** Exponential back-off: `baseMs × 2^(failures − 1)`, at most `maxMs`, with jitter. */
export interface Backoff {
  baseMs: number;
  /** The cap on the exponential delay (none when left out). */
  maxMs?: number;
  /**
   * Spreads callers that failed together so they do not retry in step
   * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
   * "full" waits a random time up to the delay, "equal" half the delay plus a random half,
   * `{ addUpToMs }` the delay plus a random whole number of ms below that; "none" (the default) waits
   * exactly the delay.
   */
  jitter?: "none" | "full" | "equal" | { addUpToMs: number };
}

/** The back-off before the next attempt, after `failures` failed ones (1 for the first retry). */
export function backoffMs(
  failures: number,
  backoff: Backoff,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(
    backoff.maxMs ?? Number.POSITIVE_INFINITY,
    backoff.baseMs * 2 ** Math.max(0, failures - 1),
  );
  const jitter = backoff.jitter ?? "none";
  if (jitter === "none") return exponential;
  if (jitter === "full") return random() * exponential;
  if (jitter === "equal") return exponential / 2 + (random() * exponential) / 2;
  return exponential + Math.floor(random() * jitter.addUpToMs);
}

/** A back-off with the number of attempts it allows. */
export interface RetrySchedule extends Backoff {
  /** Attempts in all, the first included (3 = two retries). */
  maxAttempts: number;
}

/**
 * The wait before the next attempt after `failures` failed ones, or null when the attempts are used up.
 * A wait the server asked for (HTTP Retry-After, Telegram's `retry_after`) wins over the back-off.
 */
export function nextRetryDelayMs(
  failures: number,
  schedule: RetrySchedule,
  retryAfterMs?: number,
): number | null {
  if (failures >= schedule.maxAttempts) return null;
  return retryAfterMs ?? backoffMs(failures, schedule);
}

export interface RetryOptions {
  /**
   * After attempt number `attempt` failed with `error`: how long to wait before the next one (0: at
   * once), or null to give up and throw `error`. It may throw another error instead (a classified one).
   */
  delayMs: (error: unknown, attempt: number) => number | null;
  /** How to wait; a rejection ends the loop with it (e.g. a deadline's abort). Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` (numbered from 1) until it succeeds, or `delayMs` gives up on its failure. */
export async function retry<T>(
  attempt: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? timer;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const delay = options.delayMs(error, n);
      if (delay === null) throw error;
      if (delay > 0) await sleep(delay);
    }
  }
}
