import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv } from "@agents-crm/config/env";
import { readAll } from "@agents-crm/files";
import { startLocalS3, type LocalS3 } from "@agents-crm/files/testing/s3-server";
import { fileStoreFromEnv } from "../src/files/file-store-from-env";

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3("env-bucket");
});
afterAll(() => s3.close());

describe("the file store the environment chooses", () => {
  it("is DATA_DIR/files without S3_BUCKET_NAME", () => {
    expect(fileStoreFromEnv(parseServerEnv({ DATA_DIR: "/tmp/x" })).kind).toBe("local");
  });

  it("is the bucket with S3_BUCKET_NAME, at S3_ENDPOINT with the AWS_* credentials", async () => {
    const store = fileStoreFromEnv(
      parseServerEnv({
        S3_BUCKET_NAME: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_FORCE_PATH_STYLE: "true",
        AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      }),
    );
    expect(store.kind).toBe("s3");
    await store.put("conversations/c1/f_1", new Uint8Array([7, 8]), { contentType: "image/png" });
    const got = await store.get("conversations/c1/f_1");
    expect([...(await readAll(got!.body))]).toEqual([7, 8]);
  });

  it("refuses a malformed bucket name at start, naming the variable", () => {
    expect(() => parseServerEnv({ S3_BUCKET_NAME: "Not_A_Bucket" })).toThrow(/S3_BUCKET_NAME/);
  });
});
