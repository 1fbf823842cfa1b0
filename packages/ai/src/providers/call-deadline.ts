import type { AbortCause } from "./errors";

/**
 * One call's time budget: it spans every attempt and back-off of the call (and a stream's whole body,
 * which the SDK's own timeout does not cover), and also follows the caller's signal.
 */
export interface CallDeadline {
  readonly signal: AbortSignal;
  /** Milliseconds left before the deadline fires. */
  remainingMs(): number;
  cause(): AbortCause;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): CallDeadline {
  const controller = new AbortController();
  const endsAt = Date.now() + timeoutMs;
  let cause: AbortCause = null;
  const abort = (why: Exclude<AbortCause, null>) => {
    if (cause !== null) return;
    cause = why;
    controller.abort();
  };
  const timer = setTimeout(() => abort("deadline"), timeoutMs);
  const onCallerAbort = () => abort(isTimeoutReason(callerSignal?.reason) ? "deadline" : "caller");
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });

  return {
    signal: controller.signal,
    remainingMs: () => Math.max(0, endsAt - Date.now()),
    cause: () => cause,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

// A caller using AbortSignal.timeout() is setting a deadline, not cancelling.
function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof Error && reason.name === "TimeoutError";
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException("aborted", "AbortError"));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
