import { describe, expect, it } from "vitest";
import type { ConversationPages } from "./conversation-pages";
import { withoutConversation } from "./erased-rows";
import { row } from "~/testing/conversation-fixtures";

describe("an erased conversation in the cached inbox pages", () => {
  const a = row({});
  const b = row({});
  const c = row({});
  const data: ConversationPages<string | null> = {
    pages: [
      { items: [a, b], nextCursor: "cursor-1" },
      { items: [c], nextCursor: null },
    ],
    pageParams: [null, "cursor-1"],
  };

  it("leaves every page without its row, cursors kept", () => {
    const after = withoutConversation(data, b.conversationId);
    expect(after.pages.map((page) => page.items.map((r) => r.conversationId))).toEqual([
      [a.conversationId],
      [c.conversationId],
    ]);
    expect(after.pages.map((page) => page.nextCursor)).toEqual(["cursor-1", null]);
    expect(after.pageParams).toEqual(data.pageParams);
  });

  it("keeps the same pages when the row was not loaded", () => {
    expect(withoutConversation(data, "not-loaded")).toBe(data);
  });
});
