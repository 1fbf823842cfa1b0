import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_LOGIN, loginPath, safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps a path on this site with its query and hash", () => {
    expect(safeNextPath("/admin/conversations/01ABC")).toBe("/admin/conversations/01ABC");
    expect(safeNextPath("/admin/conversations?status=NEEDS_HUMAN#top")).toBe(
      "/admin/conversations?status=NEEDS_HUMAN#top",
    );
  });

  it.each([
    ["an absolute URL", "https://evil.example/admin"],
    ["a protocol-relative URL", "//evil.example/admin"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["an encoded-looking backslash trick", "\\\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path without a slash", "admin"],
    ["a tab inside the scheme", "/\t/evil.example"],
    ["a newline", "/admin\n"],
    ["nothing", ""],
    ["the login page itself (a loop)", "/login?next=/admin"],
  ])("refuses %s", (_what, raw) => {
    expect(safeNextPath(raw)).toBe(DEFAULT_AFTER_LOGIN);
  });

  it("takes the first of repeated query values and defaults when absent", () => {
    expect(safeNextPath(["/admin/conversations/1", "https://evil.example"])).toBe(
      "/admin/conversations/1",
    );
    expect(safeNextPath(undefined)).toBe(DEFAULT_AFTER_LOGIN);
    expect(safeNextPath(null)).toBe(DEFAULT_AFTER_LOGIN);
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/admin/../admin/conversations")).toBe("/admin/conversations");
    expect(safeNextPath("/../../etc")).toBe("/etc");
  });
});

describe("loginPath", () => {
  it("remembers where the visitor was going", () => {
    expect(loginPath("/admin/conversations/01ABC?x=1")).toBe(
      "/login?next=%2Fadmin%2Fconversations%2F01ABC%3Fx%3D1",
    );
  });

  it("omits the default target and anything unsafe", () => {
    expect(loginPath(DEFAULT_AFTER_LOGIN)).toBe("/login");
    expect(loginPath("https://evil.example")).toBe("/login");
  });
});
