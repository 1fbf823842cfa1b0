import { describe, expect, it } from "vitest";
import { addChatFiles, checkChatFile, MAX_CHAT_FILES, restoreChatFiles } from "./chat-files";

const MB = 1024 * 1024;

describe("what a visitor may attach", () => {
  it("images and PDFs within their limits", () => {
    expect(checkChatFile({ type: "image/jpeg", size: 2 * MB }, 0)).toBeNull();
    expect(checkChatFile({ type: "application/pdf", size: 20 * MB }, 0)).toBeNull();
  });

  it("refuses other types, oversize files and one file too many", () => {
    expect(checkChatFile({ type: "application/zip", size: 10 }, 0)).toBe("type");
    expect(checkChatFile({ type: "image/png", size: 11 * MB }, 0)).toBe("size");
    expect(checkChatFile({ type: "image/png", size: 10 }, MAX_CHAT_FILES)).toBe("count");
  });
});

describe("files reaching the composer (picker, paste, drop) and coming back from a withdrawn message", () => {
  const photo = (name: string) => ({ name, type: "image/jpeg", size: 1000 });

  it("adds what fits, in order, and names each file refused with its reason", () => {
    const zip = { name: "a.zip", type: "application/zip", size: 10 };
    const added = addChatFiles([photo("1")], [zip, photo("2"), photo("3"), photo("4"), photo("5")]);
    expect(added.files.map((f) => f.name)).toEqual(["1", "2", "3", "4"]);
    expect(added.refused.map((r) => [r.file.name, r.problem])).toEqual([
      ["a.zip", "type"],
      ["5", "count"],
    ]);
  });

  it("puts a withdrawn message's files back first, up to the per-message limit", () => {
    expect(
      restoreChatFiles([photo("new")], [photo("old1"), photo("old2")]).map((f) => f.name),
    ).toEqual(["old1", "old2", "new"]);
    const full = [photo("a"), photo("b"), photo("c"), photo("d")];
    expect(restoreChatFiles(full, [photo("old")]).map((f) => f.name)).toEqual([
      "old",
      "a",
      "b",
      "c",
    ]);
  });
});
