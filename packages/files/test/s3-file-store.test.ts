import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileStoreUnavailableError, createS3FileStore } from "../src";
import { startLocalS3, type LocalS3 } from "../src/testing/s3-server";
import { describeFileStoreContract } from "./file-store-contract";

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3.close());

let run = 0;
const open = () =>
  createS3FileStore({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: s3.credentials,
    // Each test its own prefix: the contract's keys repeat.
    keyPrefix: `run-${++run}`,
  });

describeFileStoreContract("S3 (s3rver)", open);

describe("the S3 store", () => {
  it("reports an unreachable endpoint as storage unavailable, not as a bug", async () => {
    const store = createS3FileStore({
      bucket: s3.bucket,
      endpoint: "http://127.0.0.1:1",
      forcePathStyle: true,
      region: "us-east-1",
      credentials: s3.credentials,
    });
    await expect(
      store.put("conversations/c1/f_1", new Uint8Array([1]), { contentType: "image/png" }),
    ).rejects.toBeInstanceOf(FileStoreUnavailableError);
  });
});
