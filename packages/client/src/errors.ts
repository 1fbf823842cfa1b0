import { TRPCClientError } from "@trpc/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/** The codes the API answers with (apps/api/src/trpc-errors.ts maps its domain and data errors to these). */
export type ApiErrorCode = TRPC_ERROR_CODE_KEY;

/** What the API's error formatter adds to every error (apps/api/src/trpc.ts). */
export interface ApiErrorData {
  code: ApiErrorCode;
  httpStatus?: number;
  path?: string;
  requestId: string | null;
  /** TOO_MANY_REQUESTS: when to try again. */
  retryAfterSeconds: number | null;
  /** Invalid input: which field and why (`path` joined with dots). */
  issues: { path: string; message: string }[] | null;
}

/**
 * A failed call as one typed error: the API's code and message, its HTTP status, the input issues and the
 * request id to quote to the operator. `network` is true when the API was not reached at all.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly code: ApiErrorCode | "NETWORK";
  readonly httpStatus: number | null;
  readonly issues: { path: string; message: string }[];
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(message: string, data: Partial<ApiErrorData> | null, cause?: unknown) {
    super(message, { cause });
    this.code = data?.code ?? "NETWORK";
    this.httpStatus = data?.httpStatus ?? null;
    this.issues = data?.issues ?? [];
    this.requestId = data?.requestId ?? null;
    this.retryAfterSeconds = data?.retryAfterSeconds ?? null;
  }

  get network(): boolean {
    return this.code === "NETWORK";
  }
}

/** Any error a call threw as an ApiError; anything that is not a tRPC client error is returned as is. */
export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as Partial<ApiErrorData> | null | undefined;
    return new ApiError(error.message, data ?? null, error);
  }
  return error;
}

/** True when `error` is a failed call with this code (`isApiError(e, "NOT_FOUND")`). */
export function isApiError(error: unknown, code?: ApiErrorCode | "NETWORK"): error is ApiError {
  const apiError = toApiError(error);
  return apiError instanceof ApiError && (code === undefined || apiError.code === code);
}

/** Runs a call and rethrows its failure as an ApiError, so scripts catch one type. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toApiError(error);
  }
}
