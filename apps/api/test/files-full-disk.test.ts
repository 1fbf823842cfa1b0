import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageUnavailableError } from "@agents-crm/db";
import { createLocalFileStore, FileStoreUnavailableError } from "@agents-crm/files";
import { pdf } from "@agents-crm/files/testing";
import type { ApiDeps } from "../src/deps";
import { createFileService } from "../src/files/file-service";
import { mountSmallDisk, type SmallDisk } from "./helpers/small-disk";
import { createTestDeps } from "./helpers/test-api";

let disk: SmallDisk;
let deps: ApiDeps;
beforeAll(async () => {
  disk = await mountSmallDisk(2);
  deps = await createTestDeps();
}, 30_000);
afterAll(async () => {
  await deps.db.close();
  await disk.close();
});

describe("files on a full disk", () => {
  it("refuses the write as storage unavailable (503), leaves no partial file, and recovers", async () => {
    const store = createLocalFileStore(disk.hostPath("files"));
    const files = createFileService({
      store,
      repos: deps.repos,
      signer: deps.files.signer,
      newId: () => `01H${Date.now()}`,
      log: deps.log,
    });
    await store.put("conversations/c1/f_warm", new Uint8Array([1]), { contentType: "text/plain" });
    await disk.fill();
    const bytes = new Uint8Array(512 * 1024).fill(65);
    await expect(
      store.put("conversations/c1/f_big", bytes, { contentType: "text/plain" }),
    ).rejects.toBeInstanceOf(FileStoreUnavailableError);
    await expect(
      files.saveFile({ bytes: pdf(), purpose: "conversation", conversationId: "c1" }),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    const left = readdirSync(disk.hostPath("files", "conversations", "c1"));
    expect(left.filter((n) => n.startsWith(".tmp-"))).toEqual([]);
    expect(left.filter((n) => n.includes("f_big"))).toEqual([]);

    await disk.free();
    const saved = await files.saveFile({
      bytes: pdf(),
      purpose: "conversation",
      conversationId: "c1",
    });
    expect(saved.status).toBe("stored");
  });
});
