import { TRPCError } from "@trpc/server";
import { DbError } from "@agents-crm/db";
import { ZodRealError } from "zod";
import { DomainError, type InputIssue, type RetryScope } from "./domain/errors";

/**
 * BAD_REQUEST naming the offending field, in the same `data.issues [{ path, message }]` shape zod input
 * errors get from the error formatter (its cause is a ZodError), so clients handle one format.
 */
export function badInput(path: string | (string | number)[], message: string): TRPCError {
  const segments = typeof path === "string" ? path.split(".").filter(Boolean) : path;
  return badInputs([{ path: segments, message }], `${segments.join(".") || "input"}: ${message}`);
}

function badInputs(issues: InputIssue[], message: string): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    // ZodRealError, not ZodError: only the former is an Error, and tRPC replaces a non-Error cause with a
    // copy that loses `issues`.
    cause: new ZodRealError(
      issues.map((issue) => ({
        code: "custom",
        path: issue.path,
        message: issue.message,
        input: undefined,
      })),
    ),
  });
}

const DOMAIN_CODES = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  UPSTREAM_FAILED: "BAD_GATEWAY",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_SUPPORTED: "METHOD_NOT_SUPPORTED",
} as const;

/** A domain error as the tRPC error a client sees; null for anything else. The one place this is decided. */
export function domainErrorToTRPC(error: unknown): TRPCError | null {
  if (!(error instanceof DomainError)) return null;
  const { code, details } = error;
  if (code === "INVALID_INPUT") return badInputs(details.issues ?? [], error.message);
  if (code === "TOO_MANY_REQUESTS") {
    return tooManyRequests(
      error.message,
      details.retryAfterSeconds ?? 1,
      details.retryScope ?? "action",
    );
  }
  return new TRPCError({ code: DOMAIN_CODES[code], message: error.message, cause: error });
}

export const STORAGE_UNAVAILABLE_MESSAGE = "Storage is temporarily unavailable; try again shortly";

/**
 * The data layer's typed errors as tRPC errors, and a database that cannot serve us now (storage fault,
 * throttling, unreachable) as SERVICE_UNAVAILABLE (503, so clients retry); null for anything else (that
 * stays a 500).
 */
export function dbErrorToTRPC(error: unknown): TRPCError | null {
  if (!(error instanceof DbError)) return null;
  switch (error.code) {
    case "NOT_FOUND":
      return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
    case "ALREADY_EXISTS":
      return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
    case "VERSION_CONFLICT":
      return new TRPCError({
        code: "CONFLICT",
        message: `${error.message}; reload and try again`,
        cause: error,
      });
    case "INVALID_CURSOR":
      return badInput("cursor", error.message);
    case "STORAGE_UNAVAILABLE":
      return new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: STORAGE_UNAVAILABLE_MESSAGE,
        cause: error,
      });
  }
}

/** Typed data-layer and domain errors as tRPC errors; null for anything else. */
export function knownErrorToTRPC(error: unknown): TRPCError | null {
  return dbErrorToTRPC(error) ?? domainErrorToTRPC(error);
}

/** Any thrown value as the TRPCError a client should see: typed data-layer errors mapped, the rest kept. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return knownErrorToTRPC(error.cause) ?? error;
  return (
    knownErrorToTRPC(error) ??
    new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal server error", cause: error })
  );
}

/**
 * What a TOO_MANY_REQUESTS refused: the whole `request` before anything ran (the rate limit; safe to send
 * again after the wait) or the `action` itself (sign-in attempts; the caller decides whether to retry).
 */
export type { RetryScope };

/** The cause of a TOO_MANY_REQUESTS error: the formatter exposes `data.retryAfterSeconds` from it. */
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly scope: RetryScope = "action",
  ) {
    super(message);
  }
}

export function tooManyRequests(
  message: string,
  retryAfterSeconds: number,
  scope: RetryScope = "action",
): TRPCError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message,
    cause: new RetryLaterError(message, seconds, scope),
  });
}

export function retryAfterSecondsOf(error: TRPCError): number | null {
  return error.cause instanceof RetryLaterError ? error.cause.retryAfterSeconds : null;
}

export function retryScopeOf(error: TRPCError): RetryScope | null {
  return error.cause instanceof RetryLaterError ? error.cause.scope : null;
}
