import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalFileStore } from "../src";
import { describeFileStoreContract } from "./file-store-contract";

const root = mkdtempSync(join(tmpdir(), "files-local-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeFileStoreContract("local directory", () => createLocalFileStore(join(root, "contract")));

describe("the local store on disk", () => {
  it("keeps files private (0600 in 0700 directories) and leaves no temporary files", async () => {
    const dir = join(root, "private");
    const store = createLocalFileStore(dir);
    await store.put("conversations/c1/f_1", new Uint8Array([1, 2, 3]), {
      contentType: "image/png",
    });
    expect(statSync(join(dir, "conversations", "c1", "f_1")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "conversations", "c1")).mode & 0o777).toBe(0o700);
    expect(
      readdirSync(join(dir, "conversations", "c1")).filter((n) => n.startsWith(".tmp-")),
    ).toEqual([]);
  });
});
