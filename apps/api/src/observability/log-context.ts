import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Ids that tie one piece of work's log lines (and spans) together: the HTTP request, the tRPC call, the
 * webhook delivery, the inbox job, the turn. Set where the work starts; every log line written under it
 * carries them, however deep the call that writes it.
 */
export interface LogContext {
  requestId?: string;
  turnId?: string;
  jobId?: string;
  traceId?: string;
  spanId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export const currentLogContext = (): LogContext | undefined => storage.getStore();

/** Runs `fn` with `fields` added to the current context (an inner id replaces an outer one). */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  const outer = storage.getStore();
  return storage.run(outer ? { ...outer, ...fields } : fields, fn);
}
