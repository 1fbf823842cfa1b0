import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "@agents-crm/files/testing";
import type { ApiDeps } from "../src/deps";
import { startFileRetention } from "../src/files/file-retention";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
beforeAll(async () => {
  deps = await createTestDeps({ MESSAGE_TTL_HOURS: "1" });
});
afterAll(() => deps.db.close());

describe("file retention", () => {
  it("deletes a file's bytes and metadata once its conversation's retention has passed", async () => {
    const save = (conversationId: string, expiresAt?: number) =>
      deps.files
        .saveFile({ bytes: pdf(), purpose: "conversation", conversationId })
        .then(async (file) =>
          expiresAt === undefined
            ? file
            : // As if saved an hour and more ago: the retention is one hour.
              (await deps.repos.files.delete(file.fileId),
              deps.repos.files.put({ ...file, expiresAt })),
        );
    const past = Math.floor(Date.now() / 1000) - 60;
    const old = await save("conv-old", past);
    const fresh = await save("conv-new");
    expect(await deps.files.store.get(old.storageKey!)).not.toBeNull();

    const retention = startFileRetention(deps, 60_000);
    await retention.stop();

    expect(await deps.repos.files.listByConversation("conv-old")).toEqual([]);
    expect(await deps.files.store.get(old.storageKey!)).toBeNull();
    expect(await deps.files.openFile(fresh.fileId)).not.toBeNull();
  });
});
