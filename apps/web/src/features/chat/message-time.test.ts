import { describe, expect, it } from "vitest";
import { formatMessageTime, fullMessageTime } from "./message-time";

const now = new Date("2026-03-10T15:00:00Z");

describe("message time", () => {
  it("shows only the time for today's messages, in the given locale and zone", () => {
    const iso = "2026-03-10T09:05:00Z";
    expect(formatMessageTime(iso, { locale: "en-GB", timeZone: "UTC", now })).toBe("09:05");
    expect(formatMessageTime(iso, { locale: "en-US", timeZone: "UTC", now })).toMatch(
      /^09:05\sAM$/,
    );
    expect(formatMessageTime(iso, { locale: "en-GB", timeZone: "Asia/Dubai", now })).toBe("13:05");
  });

  it("adds the date for earlier days and the year for earlier years", () => {
    expect(
      formatMessageTime("2026-03-08T09:05:00Z", { locale: "en-GB", timeZone: "UTC", now }),
    ).toBe("8 Mar, 09:05");
    expect(
      formatMessageTime("2025-12-31T09:05:00Z", { locale: "en-GB", timeZone: "UTC", now }),
    ).toBe("31 Dec 2025, 09:05");
  });

  it("decides 'today' in the visitor's zone", () => {
    // 23:30 UTC on the 9th is already the 10th in Dubai.
    const iso = "2026-03-09T23:30:00Z";
    expect(formatMessageTime(iso, { locale: "en-GB", timeZone: "Asia/Dubai", now })).toBe("03:30");
    expect(formatMessageTime(iso, { locale: "en-GB", timeZone: "UTC", now })).toBe("9 Mar, 23:30");
  });

  it("uses the locale's words", () => {
    expect(
      formatMessageTime("2026-03-08T09:05:00Z", { locale: "ru", timeZone: "UTC", now }),
    ).toMatch(/^8 мар\.?,? 09:05$/);
  });

  it("returns nothing for a broken timestamp", () => {
    expect(formatMessageTime("not a date", { now })).toBe("");
    expect(fullMessageTime("not a date")).toBe("");
  });
});
