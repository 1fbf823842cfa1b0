import { describe, expect, it } from "vitest";
import { checkChatFile, MAX_CHAT_FILES } from "./chat-files";

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
