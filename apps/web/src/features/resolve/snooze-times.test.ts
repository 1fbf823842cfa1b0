import { describe, expect, it } from "vitest";
import { bucketOf } from "~/features/inbox/status-counts";
import { snoozedAt } from "./can-resolve";
import { snoozeEnd } from "./snooze-times";

describe("snooze times", () => {
  const wednesday = new Date(2026, 11, 2, 15, 30);
  it("ends an hour or three later, tomorrow at 9:00 or next Monday at 9:00", () => {
    expect(snoozeEnd("oneHour", wednesday).getTime() - wednesday.getTime()).toBe(3600_000);
    expect(snoozeEnd("threeHours", wednesday).getHours()).toBe(18);
    expect(snoozeEnd("tomorrow", wednesday)).toEqual(new Date(2026, 11, 3, 9, 0));
    expect(snoozeEnd("nextWeek", wednesday)).toEqual(new Date(2026, 11, 7, 9, 0));
    expect(snoozeEnd("nextWeek", new Date(2026, 11, 7, 8, 0))).toEqual(
      new Date(2026, 11, 14, 9, 0),
    );
  });

  it("counts a snooze only while it lasts and only where a human owns the conversation", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    expect(snoozedAt({ status: "NEEDS_HUMAN", snoozedUntil: "2026-12-06T13:00:00Z" }, now)).toBe(
      true,
    );
    expect(snoozedAt({ status: "NEEDS_HUMAN", snoozedUntil: "2026-12-06T11:00:00Z" }, now)).toBe(
      false,
    );
    expect(snoozedAt({ status: "HUMAN_ACTIVE", snoozedUntil: "2026-12-06T13:00:00Z" }, now)).toBe(
      true,
    );
    expect(snoozedAt({ status: "AI_ACTIVE", snoozedUntil: "2026-12-06T13:00:00Z" }, now)).toBe(
      false,
    );
    // Counted as Snoozed, not as Human active, until it wakes; then back in its own status.
    const handled = { conversationId: "c", version: 1, lastActivityAt: "2026-12-06T10:00:00Z" };
    expect(
      bucketOf({ ...handled, status: "HUMAN_ACTIVE", snoozedUntil: "2026-12-06T13:00:00Z" }, now),
    ).toBe("SNOOZED");
    expect(
      bucketOf({ ...handled, status: "HUMAN_ACTIVE", snoozedUntil: "2026-12-06T11:00:00Z" }, now),
    ).toBe("HUMAN_ACTIVE");
  });
});
