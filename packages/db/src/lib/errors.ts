/** Base class so callers (the API's error formatter) can map every data-layer error in one `instanceof`. */
export class DbError extends Error {
  constructor(
    readonly code:
      | "ALREADY_EXISTS"
      | "NOT_FOUND"
      | "VERSION_CONFLICT"
      | "INVALID_CURSOR"
      | "STORAGE_UNAVAILABLE",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class AlreadyExistsError extends DbError {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super("ALREADY_EXISTS", `${resource} ${id} already exists`);
  }
}

export class NotFoundError extends DbError {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super("NOT_FOUND", `${resource} ${id} not found`);
  }
}

export class VersionConflictError extends DbError {
  constructor(
    readonly resource: string,
    readonly id: string,
    readonly expectedVersion?: number,
  ) {
    super(
      "VERSION_CONFLICT",
      expectedVersion === undefined
        ? `${resource} ${id} was changed concurrently`
        : `${resource} ${id} is no longer at version ${expectedVersion}`,
    );
  }
}

/** The API turns this into a 400: a cursor is client input. */
export class InvalidCursorError extends DbError {
  constructor(reason: string) {
    super("INVALID_CURSOR", `invalid cursor: ${reason}`);
  }
}

/**
 * The database cannot serve us right now (a storage fault such as the embedded engine's full disk,
 * throttling, an unreachable endpoint), not a wrong request: the API answers 503 so clients and platforms
 * retry. The SDK's error is the cause.
 */
export class StorageUnavailableError extends DbError {
  constructor(override readonly cause: unknown) {
    super(
      "STORAGE_UNAVAILABLE",
      `Storage is temporarily unavailable (${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)})`,
    );
  }
}

export function isStorageUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof StorageUnavailableError) return true;
  }
  return false;
}

/** DynamoDB's failed-condition error, however the SDK or a compatible engine names it. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}
