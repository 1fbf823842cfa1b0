import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../src/lib/errors";
import { startEdgeTestDb, type EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const photo = (fileId: string, conversationId = "conv_1") => ({
  fileId,
  purpose: "conversation" as const,
  conversationId,
  agentId: "dr_a",
  storageKey: `conversations/${conversationId}/${fileId}`,
  kind: "image" as const,
  mimeType: "image/jpeg",
  size: 1234,
  width: 640,
  height: 480,
  status: "stored" as const,
  createdBy: "customer",
});

describe("files repository", () => {
  it("stores a file's metadata once, expiring with the conversation's retention", async () => {
    const stored = await t.repos.files.put(photo("f_01HAAAAAAAAAAAAAAAAAAAAAA1"));
    expect(stored.expiresAt).toBe(Math.floor(t.clock.now().getTime() / 1000) + 48 * 3600);
    expect(await t.repos.files.get("f_01HAAAAAAAAAAAAAAAAAAAAAA1")).toEqual(stored);
    await expect(t.repos.files.put(photo("f_01HAAAAAAAAAAAAAAAAAAAAAA1"))).rejects.toThrow();
    // Library files keep no expiry.
    const doc = await t.repos.files.put({
      ...photo("f_01HAAAAAAAAAAAAAAAAAAAAAL1"),
      purpose: "library",
      conversationId: undefined,
    });
    expect(doc.expiresAt).toBeUndefined();
  });

  it("reads a page's files in one batch and lists a conversation's files", async () => {
    await t.repos.files.put(photo("f_01HBBBBBBBBBBBBBBBBBBBBBB1", "conv_2"));
    await t.repos.files.put(photo("f_01HBBBBBBBBBBBBBBBBBBBBBB2", "conv_2"));
    t.commands.reset();
    const many = await t.repos.files.getMany([
      "f_01HBBBBBBBBBBBBBBBBBBBBBB1",
      "f_01HBBBBBBBBBBBBBBBBBBBBBB2",
      "f_01HBBBBBBBBBBBBBBBBBBBBBB2",
      "f_missing",
    ]);
    expect([...many.keys()].sort()).toEqual([
      "f_01HBBBBBBBBBBBBBBBBBBBBBB1",
      "f_01HBBBBBBBBBBBBBBBBBBBBBB2",
    ]);
    expect(t.commands.names).toEqual(["BatchGetItemCommand"]);
    const listed = await t.repos.files.listByConversation("conv_2");
    expect(listed.map((f) => f.fileId)).toEqual([
      "f_01HBBBBBBBBBBBBBBBBBBBBBB1",
      "f_01HBBBBBBBBBBBBBBBBBBBBBB2",
    ]);
  });

  it("updates a pending file to stored, and refuses to update a missing one", async () => {
    await t.repos.files.put({
      ...photo("f_01HCCCCCCCCCCCCCCCCCCCCCC1"),
      storageKey: undefined,
      status: "pending",
      size: 0,
    });
    const done = await t.repos.files.update("f_01HCCCCCCCCCCCCCCCCCCCCCC1", {
      status: "stored",
      storageKey: "conversations/conv_1/f_01HCCCCCCCCCCCCCCCCCCCCCC1",
      size: 99,
    });
    expect(done).toMatchObject({ status: "stored", size: 99 });
    await expect(t.repos.files.update("f_nope", { status: "stored" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("lists expired files for the sweeper and reads them as gone", async () => {
    await t.repos.files.put(photo("f_01HDDDDDDDDDDDDDDDDDDDDDD1", "conv_old"));
    t.clock.advance(49 * 3600 * 1000);
    expect(await t.repos.files.get("f_01HDDDDDDDDDDDDDDDDDDDDDD1")).toBeNull();
    const expired: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.repos.files.listExpired({ cursor, limit: 2 });
      expired.push(...page.files.map((f) => f.fileId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(expired).toContain("f_01HDDDDDDDDDDDDDDDDDDDDDD1");
    expect(expired).not.toContain("f_01HAAAAAAAAAAAAAAAAAAAAAL1");
    await t.repos.files.delete("f_01HDDDDDDDDDDDDDDDDDDDDDD1");
    expect(await t.repos.files.listByConversation("conv_old")).toEqual([]);
  });
});
