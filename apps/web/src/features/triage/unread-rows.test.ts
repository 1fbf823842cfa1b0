import { describe, expect, it } from "vitest";
import type { ConversationRow } from "~/features/console/types";
import { carryUnread, pagesRead, rowRead } from "./unread-rows";

const base: ConversationRow = {
  conversationId: "c1",
  agentId: "a",
  channel: "web_chat",
  status: "AI_ACTIVE",
  stage: "NEW",
  createdAt: "2026-03-01T09:00:00.000Z",
  updatedAt: "2026-03-01T09:00:00.000Z",
  lastActivityAt: "2026-03-01T09:00:00.000Z",
  version: 1,
};
const row = (overrides: Partial<ConversationRow> = {}): ConversationRow => ({
  ...base,
  ...overrides,
});

describe("unread marks on event rows", () => {
  it("keeps the page's mark through events that bring no customer message", () => {
    const cached = row({ unread: false, lastCustomerMessageAt: "2026-03-01T09:00:00.000Z" });
    const staffReplied = row({
      lastCustomerMessageAt: "2026-03-01T09:00:00.000Z",
      lastActivityAt: "2026-03-01T09:05:00.000Z",
    });
    expect(carryUnread(cached, staffReplied).unread).toBeFalsy();
    expect(carryUnread({ ...cached, unread: true }, staffReplied).unread).toBe(true);
  });

  it("becomes unread when the customer wrote since", () => {
    const cached = row({ unread: false, lastCustomerMessageAt: "2026-03-01T09:00:00.000Z" });
    const wrote = row({
      lastCustomerMessageAt: "2026-03-01T09:10:00.000Z",
      lastActivityAt: "2026-03-01T09:10:00.000Z",
    });
    expect(carryUnread(cached, wrote).unread).toBe(true);
  });

  it("a row new to the list is unread when the customer's message is its latest activity", () => {
    const at = "2026-03-01T09:10:00.000Z";
    expect(
      carryUnread(undefined, row({ lastCustomerMessageAt: at, lastActivityAt: at })).unread,
    ).toBe(true);
    expect(
      carryUnread(
        undefined,
        row({ lastCustomerMessageAt: at, lastActivityAt: "2026-03-01T09:11:00.000Z" }),
      ).unread,
    ).toBeUndefined();
    expect(carryUnread(undefined, row()).unread).toBeUndefined();
  });

  it("trusts a page's row over the cached one", () => {
    const cached = row({ unread: true });
    expect(carryUnread(cached, row({ unread: false })).unread).toBe(false);
  });
});

describe("reads", () => {
  it("clear what the customer wrote until the read, not after it", () => {
    const unread = row({ unread: true, lastCustomerMessageAt: "2026-03-01T09:10:00.000Z" });
    expect(rowRead(unread, "2026-03-01T09:10:00.000Z").unread).toBe(false);
    expect(rowRead(unread, "2026-03-01T09:09:00.000Z").unread).toBe(true);
    const pages = pagesRead(
      {
        pages: [{ items: [unread, row({ conversationId: "c2", unread: true })], nextCursor: null }],
        pageParams: [null],
      },
      "c1",
      "2026-03-01T09:11:00.000Z",
    );
    expect(pages.pages[0]?.items.map((r) => r.unread)).toEqual([false, true]);
  });
});
