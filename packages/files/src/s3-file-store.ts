import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import {
  FileStoreUnavailableError,
  assertSafeKey,
  assertSafePrefix,
  type ByteRange,
  type FileStore,
  type StoredObject,
  type StoredObjectMeta,
} from "./file-store";
import { readAll } from "./local-file-store";

export interface S3FileStoreOptions {
  bucket: string;
  /** Any S3-compatible endpoint (MinIO, Cloudflare R2, a test server); AWS S3 when absent. */
  endpoint?: string;
  forcePathStyle?: boolean;
  region: string;
  /** Absent: the SDK's default chain (environment, profile, ECS task role, web identity). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A prefix inside the bucket (a shared bucket, or one test's objects). */
  keyPrefix?: string;
}

/** Errors meaning "the store cannot serve us now", not a wrong request. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

function classify(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { $fault, code } = error as { $fault?: unknown; code?: unknown };
  const throttled = ["SlowDown", "ServiceUnavailable", "RequestTimeout", "TimeoutError"].includes(
    error.name,
  );
  if ($fault === "server" || throttled || (typeof code === "string" && UNREACHABLE.has(code))) {
    return new FileStoreUnavailableError(error);
  }
  return error;
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === "NoSuchKey" ||
    error.name === "NotFound" ||
    error.$metadata.httpStatusCode === 404);

/** Files in an S3 bucket (or an S3-compatible one). Puts are single requests: S3 writes them atomically. */
export function createS3FileStore(options: S3FileStoreOptions): FileStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: options.credentials,
    // Checksums only where S3 requires them: R2, MinIO and older servers reject the newer trailers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  const base = options.keyPrefix ? `${options.keyPrefix.replace(/\/+$/, "")}/` : "";
  const objectKey = (key: string) => {
    assertSafeKey(key);
    return `${base}${key}`;
  };

  async function send<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw classify(error);
    }
  }

  return {
    kind: "s3",

    async put(key: string, body: Uint8Array | Readable, meta: StoredObjectMeta): Promise<void> {
      const Key = objectKey(key);
      // The length must be known up front; callers bound what they hand us (the kind's size limit).
      const bytes = body instanceof Uint8Array ? body : await readAll(body);
      await send(() =>
        client.send(
          new PutObjectCommand({
            Bucket,
            Key,
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: meta.contentType,
          }),
        ),
      );
    },

    async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
      const Key = objectKey(key);
      try {
        const out = await client.send(
          new GetObjectCommand({
            Bucket,
            Key,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
        const total = out.ContentRange?.match(/\/(\d+)$/)?.[1];
        return {
          body: out.Body instanceof Readable ? out.Body : Readable.from([]),
          size: total ? Number(total) : (out.ContentLength ?? 0),
          contentType: out.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (isMissing(error)) return null;
        throw classify(error);
      }
    },

    async delete(key: string): Promise<void> {
      const Key = objectKey(key);
      await send(() => client.send(new DeleteObjectCommand({ Bucket, Key })));
    },

    async deletePrefix(prefix: string): Promise<number> {
      assertSafePrefix(prefix);
      let deleted = 0;
      let token: string | undefined;
      do {
        const page = await send(() =>
          client.send(
            new ListObjectsV2Command({
              Bucket,
              Prefix: `${base}${prefix}`,
              ContinuationToken: token,
            }),
          ),
        );
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length > 0) {
          await send(() =>
            client.send(
              new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }),
            ),
          );
          deleted += keys.length;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return deleted;
    },
  };
}
