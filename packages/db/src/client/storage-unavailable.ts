import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { StorageUnavailableError } from "../lib/errors";

/** DynamoDB's "try again later" answers that are not server faults in the SDK's model. */
const THROTTLED = new Set([
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ThrottlingException",
]);

/** The endpoint could not be reached at all. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { $fault, code } = error as { $fault?: unknown; code?: unknown };
  return (
    $fault === "server" || // 5xx: InternalServerError (the embedded engine's storage faults), 503s
    THROTTLED.has(error.name) ||
    error.name === "TimeoutError" ||
    (typeof code === "string" && UNREACHABLE.has(code))
  );
}

/**
 * Errors that mean "the database cannot serve us now" leave the client as StorageUnavailableError,
 * after the SDK's own retries, so callers tell them from wrong requests with one `instanceof`.
 */
export function classifyStorageErrors(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw isUnavailable(error) ? new StorageUnavailableError(error) : error;
      }
    },
    { step: "initialize", name: "classifyStorageErrors" },
  );
}
