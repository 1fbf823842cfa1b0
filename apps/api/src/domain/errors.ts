/**
 * What domain code throws when a request cannot be done. It names the reason in the domain's words; the
 * transport (tRPC, webhooks) maps each code to its own status once, in `trpc-errors.ts`.
 */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "INVALID_INPUT"
  | "UPSTREAM_FAILED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_SUPPORTED"
  | "TOO_MANY_REQUESTS";

/** One wrong input field: `path` as segments, as zod reports it. */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

/** Whether a refused attempt may simply be sent again after the wait (`request`) or not (`action`). */
export type RetryScope = "request" | "action";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: {
      issues?: InputIssue[];
      retryAfterSeconds?: number;
      retryScope?: RetryScope;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

const segmentsOf = (path: string | (string | number)[]) =>
  typeof path === "string" ? path.split(".").filter(Boolean) : path;

export const notFound = (message: string) => new DomainError("NOT_FOUND", message);
export const conflict = (message: string) => new DomainError("CONFLICT", message);
export const preconditionFailed = (message: string) =>
  new DomainError("PRECONDITION_FAILED", message);
export const unauthorized = (message: string) => new DomainError("UNAUTHORIZED", message);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
/** The request came a way this action cannot be done (sign-in over a WebSocket). */
export const notSupported = (message: string) => new DomainError("NOT_SUPPORTED", message);
export const upstreamFailed = (message: string, cause?: unknown) =>
  new DomainError("UPSTREAM_FAILED", message, { cause });

/** A wrong input field, reported as `path: message` with the path kept for the client to point at. */
export function invalidInput(path: string | (string | number)[], message: string): DomainError {
  const segments = segmentsOf(path);
  return invalidInputs(
    [{ path: segments, message }],
    `${segments.join(".") || "input"}: ${message}`,
  );
}

/** Several wrong fields at once (an imported document, a whole agent). */
export function invalidInputs(issues: InputIssue[], message: string): DomainError {
  return new DomainError("INVALID_INPUT", message, { issues });
}

export function tooManyRequests(
  message: string,
  retryAfterSeconds: number,
  retryScope: RetryScope = "action",
): DomainError {
  return new DomainError("TOO_MANY_REQUESTS", message, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
    retryScope,
  });
}
