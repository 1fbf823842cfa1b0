import type { Readable } from "node:stream";

export interface StoredObjectMeta {
  contentType: string;
}

/** Inclusive byte range, as HTTP Range names it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The whole object, or only `range` when one was asked for. */
  body: Readable;
  /** The size of the whole object. */
  size: number;
  contentType: string;
}

/**
 * Where files' bytes live: a directory under DATA_DIR or an S3-compatible bucket. Keys are
 * slash-separated segments of letters, digits, `.`, `_` and `-` (see `assertSafeKey`); metadata about a
 * file (its conversation, kind, name, expiry) lives in the files table, not here.
 */
export interface FileStore {
  readonly kind: "local" | "s3";
  /** Replaces any object under `key`; readers never see a half-written object. */
  put(key: string, body: Uint8Array | Readable, meta: StoredObjectMeta): Promise<void>;
  /** null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** Deleting what is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (whole segments, ending in `/`); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
}

/**
 * The store cannot take or serve bytes now (disk full, bucket unreachable, throttled): not a wrong
 * request. The API answers 503 so the sender retries.
 */
export class FileStoreUnavailableError extends Error {
  override name = "FileStoreUnavailableError";
  constructor(override readonly cause: unknown) {
    super(
      `File storage is temporarily unavailable (${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)})`,
    );
  }
}

/** A key that could escape the store's root or name something other than a stored object. */
export class InvalidFileKeyError extends Error {
  override name = "InvalidFileKeyError";
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/** Refuses `..`, absolute paths, backslashes, empty or dot-led segments and anything outside the charset. */
export function assertSafeKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new InvalidFileKeyError(`file key must be 1-${MAX_KEY_LENGTH} characters`);
  }
  for (const segment of key.split("/")) {
    if (!SEGMENT.test(segment)) throw new InvalidFileKeyError(`unsafe file key: ${key}`);
  }
}

/** A prefix is whole segments followed by `/`. */
export function assertSafePrefix(prefix: string): void {
  if (!prefix.endsWith("/")) throw new InvalidFileKeyError(`file key prefix must end in "/"`);
  assertSafeKey(prefix.slice(0, -1));
}
