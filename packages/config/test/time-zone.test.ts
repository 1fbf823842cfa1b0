import { describe, expect, it } from "vitest";
import { dayOfWeek, localTimeIn, startOfDay, zoneOffsetMs } from "../src/time-zone";

describe("time-zone helpers", () => {
  it("read the wall clock and the offset of a zone at an instant", () => {
    const instant = new Date("2026-03-01T10:00:00.000Z");
    expect(localTimeIn(instant, "Asia/Kolkata")).toEqual({
      year: 2026,
      month: 3,
      day: 1,
      hour: 15,
      minute: 30,
      second: 0,
    });
    expect(zoneOffsetMs(instant, "Asia/Kolkata")).toBe(5.5 * 3_600_000);
    expect(zoneOffsetMs(instant, "America/New_York")).toBe(-5 * 3_600_000);
    expect(dayOfWeek(localTimeIn(instant, "UTC"))).toBe(0);
  });

  it("start a day at the zone's midnight, or when a DST gap that swallowed it ends", () => {
    const day = { year: 2026, month: 9, day: 6 };
    expect(startOfDay(day, "Europe/Berlin").toISOString()).toBe("2026-09-05T22:00:00.000Z");
    // Santiago skips from 00:00 (UTC-4) to 01:00 (UTC-3) that night.
    expect(startOfDay(day, "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });
});
