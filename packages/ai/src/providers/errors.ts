import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

export type LlmErrorKind =
  | "rate_limited"
  | "server"
  | "timeout"
  | "aborted"
  | "network"
  | "auth"
  | "bad_request"
  | "malformed";

export interface LlmErrorDetails {
  kind: LlmErrorKind;
  retryable: boolean;
  status?: number;
  /** The provider's machine-readable code (e.g. "insufficient_quota", "model_not_found"). */
  code?: string;
  /** How long the server asked us to wait before retrying. */
  retryAfterMs?: number;
}

/**
 * A failed model call. Messages name the endpoint, status and provider code only: provider error
 * texts can echo the request, so they are never copied into the message.
 */
export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** HTTP attempts made before giving up (set by the retry loop). */
  attempts = 1;

  constructor(message: string, details: LlmErrorDetails) {
    super(message);
    this.name = "LlmError";
    this.kind = details.kind;
    this.retryable = details.retryable;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Why an attempt was aborted: our own per-call deadline, or the caller's signal. */
export type AbortCause = "deadline" | "caller" | null;

export function toLlmError(error: unknown, endpoint: string, abortCause: AbortCause): LlmError {
  if (error instanceof LlmError) return error;
  if (abortCause === "deadline" || error instanceof APIConnectionTimeoutError) {
    return new LlmError(`${endpoint}: timed out`, { kind: "timeout", retryable: false });
  }
  if (abortCause === "caller" || error instanceof APIUserAbortError || isAbortError(error)) {
    return new LlmError(`${endpoint}: aborted by the caller`, {
      kind: "aborted",
      retryable: false,
    });
  }
  if (error instanceof APIConnectionError) {
    return new LlmError(`${endpoint}: connection failed`, { kind: "network", retryable: true });
  }
  if (error instanceof APIError) {
    return fromApiError(error as APIError<number | undefined, Headers | undefined>, endpoint);
  }
  if (error instanceof SyntaxError) {
    return new LlmError(`${endpoint}: response was not valid JSON`, {
      kind: "malformed",
      retryable: false,
    });
  }
  return new LlmError(`${endpoint}: connection failed`, { kind: "network", retryable: true });
}

function fromApiError(
  error: APIError<number | undefined, Headers | undefined>,
  endpoint: string,
): LlmError {
  const status = error.status;
  const code = typeof error.code === "string" ? error.code : undefined;
  const where = `${endpoint}: HTTP ${status ?? "error"}${code ? ` (${code})` : ""}`;
  const base = { status, code, retryAfterMs: retryAfterMs(error.headers) };
  if (status === undefined) {
    // An `error` event inside an SSE stream: the server gave up mid-response.
    return new LlmError(`${endpoint}: error event in stream`, {
      ...base,
      kind: "server",
      retryable: true,
    });
  }
  if (status === 429) {
    // Out of credit is reported as 429 too, but waiting will not fix it.
    const retryable = code !== "insufficient_quota";
    return new LlmError(where, { ...base, kind: "rate_limited", retryable });
  }
  if (status === 401 || status === 403)
    return new LlmError(where, { ...base, kind: "auth", retryable: false });
  if (status === 408) return new LlmError(where, { ...base, kind: "timeout", retryable: false });
  if (status >= 500) return new LlmError(where, { ...base, kind: "server", retryable: true });
  return new LlmError(where, { ...base, kind: "bad_request", retryable: false });
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms)))
    return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
