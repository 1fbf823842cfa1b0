import { z } from "zod";
import { envBoolean, envUrl, optionalString } from "./env-parsers";

/**
 * Object storage for files (customers' media, attachments, knowledge documents). Unset
 * `S3_BUCKET_NAME` keeps them under DATA_DIR/files; set, they go to that bucket on AWS S3 or any
 * S3-compatible store (`S3_ENDPOINT`: MinIO, Cloudflare R2). Region and credentials are the AWS_*
 * variables (or the task role).
 */
export const s3EnvSchema = z.object({
  S3_BUCKET_NAME: optionalString.pipe(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "must be a bucket name: 3-63 lower-case letters, digits, '.' or '-'",
      )
      .optional(),
  ),
  S3_ENDPOINT: envUrl(["http:", "https:"]),
  /** Path-style URLs (`endpoint/bucket/key`): MinIO and most local servers need them. */
  S3_FORCE_PATH_STYLE: envBoolean(false),
  /** Region of the bucket when it differs from AWS_REGION (R2 takes "auto"). */
  S3_REGION: optionalString,
});
