import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readAll, type FileStore } from "../src";

/** The behaviour every FileStore keeps: run against the local directory and against an S3 server. */
export function describeFileStoreContract(name: string, open: () => FileStore) {
  describe(`${name}: the FileStore contract`, () => {
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));

    it("gives back what was put, with its content type and size", async () => {
      const store = open();
      await store.put("conversations/c1/f_1", bytes("hello"), { contentType: "text/plain" });
      const got = await store.get("conversations/c1/f_1");
      expect(got?.contentType).toBe("text/plain");
      expect(got?.size).toBe(5);
      expect((await readAll(got!.body)).toString()).toBe("hello");
    });

    it("takes a stream as well as bytes, and a put replaces the object", async () => {
      const store = open();
      await store.put("conversations/c2/f_1", bytes("first"), { contentType: "text/plain" });
      await store.put(
        "conversations/c2/f_1",
        Readable.from([Buffer.from("sec"), Buffer.from("ond")]),
        {
          contentType: "application/pdf",
        },
      );
      const got = await store.get("conversations/c2/f_1");
      expect(got?.contentType).toBe("application/pdf");
      expect((await readAll(got!.body)).toString()).toBe("second");
    });

    it("serves a byte range, reporting the whole size", async () => {
      const store = open();
      await store.put("conversations/c3/f_1", bytes("0123456789"), { contentType: "audio/ogg" });
      const got = await store.get("conversations/c3/f_1", { start: 2, end: 5 });
      expect(got?.size).toBe(10);
      expect((await readAll(got!.body)).toString()).toBe("2345");
    });

    it("answers null for a missing object, and deleting one is no error", async () => {
      const store = open();
      expect(await store.get("conversations/none/f_1")).toBeNull();
      await expect(store.delete("conversations/none/f_1")).resolves.toBeUndefined();
    });

    it("deletes one object, or every object under a prefix and only those", async () => {
      const store = open();
      const meta = { contentType: "image/png" };
      await store.put("conversations/c4/f_1", bytes("a"), meta);
      await store.put("conversations/c4/f_2", bytes("b"), meta);
      await store.put("conversations/c40/f_3", bytes("c"), meta);
      await store.delete("conversations/c4/f_1");
      expect(await store.get("conversations/c4/f_1")).toBeNull();
      expect(await store.deletePrefix("conversations/c4/")).toBe(1);
      expect(await store.get("conversations/c4/f_2")).toBeNull();
      expect(await store.get("conversations/c40/f_3")).not.toBeNull();
    });

    it.each([
      "../etc/passwd",
      "/abs",
      "a/../../b",
      "a\\b",
      "a//b",
      ".hidden",
      "a/.meta",
      "a b",
      "",
    ])("refuses the unsafe key %j", async (key) => {
      const store = open();
      await expect(store.put(key, bytes("x"), { contentType: "text/plain" })).rejects.toThrow(
        /file key/,
      );
      await expect(store.get(key)).rejects.toThrow(/file key/);
    });
  });
}
