import { join, resolve } from "node:path";
import type { ServerEnv } from "@agents-crm/config/env";
import { createLocalFileStore, createS3FileStore, type FileStore } from "@agents-crm/files";

/**
 * DATA_DIR/files by default; the S3 bucket when S3_BUCKET_NAME is set (AWS S3, or S3_ENDPOINT for MinIO
 * or Cloudflare R2). Credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY when set, else the SDK's
 * chain (profile, ECS task role, web identity).
 */
export function fileStoreFromEnv(env: ServerEnv): FileStore {
  if (!env.S3_BUCKET_NAME) return createLocalFileStore(join(resolve(env.DATA_DIR), "files"));
  const keys =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  return createS3FileStore({
    bucket: env.S3_BUCKET_NAME,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    region: env.S3_REGION ?? env.AWS_REGION,
    credentials: keys,
  });
}

/** One line for the start-up output: where files go. */
export function describeFileStore(env: ServerEnv): string {
  if (!env.S3_BUCKET_NAME) return `files in ${join(resolve(env.DATA_DIR), "files")}`;
  return `files in bucket ${env.S3_BUCKET_NAME}${env.S3_ENDPOINT ? ` at ${env.S3_ENDPOINT}` : " (AWS S3)"}`;
}
