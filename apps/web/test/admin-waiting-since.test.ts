import { describe, expect, it } from "vitest";
import {
  formatAgo,
  formatWaiting,
  waitingLevel,
  waitingSince,
} from "../src/lib/admin/waiting-since";
import { minutesAfter, row } from "./admin-fixtures";

const since = "2026-01-01T12:00:00.000Z";
const at = (minutes: number) => Date.parse(minutesAfter(since, minutes));

describe("waiting since", () => {
  it("formats short waits for a table cell", () => {
    expect(formatWaiting(since, at(0))).toBe("just now");
    expect(formatWaiting(since, at(0.75))).toBe("45 s");
    expect(formatWaiting(since, at(12))).toBe("12 min");
    expect(formatWaiting(since, at(185))).toBe("3 h 05 min");
    expect(formatWaiting(since, at(60 * 52))).toBe("2 d 4 h");
  });

  it("never shows a negative wait when the browser clock is behind", () => {
    expect(formatWaiting(since, at(-3))).toBe("just now");
  });

  it("is empty for an unreadable time", () => {
    expect(formatWaiting("not a date", at(1))).toBe("");
  });

  it("grows more urgent with time", () => {
    expect(waitingLevel(since, at(2))).toBe("fresh");
    expect(waitingLevel(since, at(6))).toBe("waiting");
    expect(waitingLevel(since, at(20))).toBe("overdue");
  });

  it("applies only to conversations waiting for a human, from when they started waiting", () => {
    expect(waitingSince(row({ status: "AI_ACTIVE" }))).toBeNull();
    expect(
      waitingSince(
        row({ status: "NEEDS_HUMAN", needsHumanSince: since, updatedAt: minutesAfter(since, 5) }),
      ),
    ).toBe(since);
    expect(waitingSince(row({ status: "NEEDS_HUMAN", updatedAt: since }))).toBe(since);
  });

  it("says how long ago for the activity column", () => {
    expect(formatAgo(since, at(0))).toBe("just now");
    expect(formatAgo(since, at(12))).toBe("12 min ago");
  });
});
