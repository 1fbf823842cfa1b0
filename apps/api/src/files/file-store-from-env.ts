import { join, resolve } from "node:path";
import type { ServerEnv } from "@agents-crm/config/env";
import { createLocalFileStore, type FileStore } from "@agents-crm/files";

/** DATA_DIR/files by default; the S3 bucket when S3_BUCKET_NAME is set. */
export function fileStoreFromEnv(env: ServerEnv): FileStore {
  return createLocalFileStore(join(resolve(env.DATA_DIR), "files"));
}
