import { describe, expect, it } from "vitest";
import { faviconBadgeText, titleWithUnread, unreadLabel } from "./unread-title";

describe("the tab title", () => {
  it("puts the unread count in front of the page's title, and takes it away at zero", () => {
    expect(titleWithUnread("Console · Agents CRM", 3, false)).toBe("(3) Console · Agents CRM");
    expect(titleWithUnread("(3) Console · Agents CRM", 4, false)).toBe("(4) Console · Agents CRM");
    expect(titleWithUnread("(100+) Console · Agents CRM", 0, false)).toBe("Console · Agents CRM");
    expect(titleWithUnread("Console · Agents CRM", 100, true)).toBe("(100+) Console · Agents CRM");
  });

  it("keeps a title that merely starts with a parenthesis", () => {
    expect(titleWithUnread("(beta) Agents CRM", 0, false)).toBe("(beta) Agents CRM");
    expect(titleWithUnread("(beta) Agents CRM", 2, false)).toBe("(2) (beta) Agents CRM");
  });

  it("labels a capped count as a lower bound", () => {
    expect(unreadLabel(7, false)).toBe("7");
    expect(unreadLabel(100, true)).toBe("100+");
  });
});

describe("the favicon badge", () => {
  it("shows nothing at zero, the count up to 9, then 9+", () => {
    expect(faviconBadgeText(0, false)).toBeNull();
    expect(faviconBadgeText(1, false)).toBe("1");
    expect(faviconBadgeText(9, false)).toBe("9");
    expect(faviconBadgeText(10, false)).toBe("9+");
    expect(faviconBadgeText(5, true)).toBe("9+");
  });
});
