import { describe, expect, it } from "vitest";
import { dayKeyIn, endOfDay, isDayKey, nextDay, startOfDay } from "./zoned-time";

describe("calendar days in the viewer's zone", () => {
  it("puts an instant on the day it is in that zone", () => {
    const at = "2026-11-24T23:30:00.000Z";
    expect(dayKeyIn(at, "UTC")).toBe("2026-11-24");
    expect(dayKeyIn(at, "Europe/Moscow")).toBe("2026-11-25");
    expect(dayKeyIn(at, "America/Los_Angeles")).toBe("2026-11-24");
  });

  it("starts and ends a day at the zone's midnights, also on DST days", () => {
    expect(startOfDay("2026-11-25", "Europe/Moscow").toISOString()).toBe(
      "2026-11-24T21:00:00.000Z",
    );
    expect(endOfDay("2026-11-25", "Europe/Moscow").toISOString()).toBe("2026-11-25T20:59:59.999Z");
    // Berlin's spring-forward day has 23 hours, its autumn day 25.
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(endOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(endOfDay("2026-10-25", "Europe/Berlin").toISOString()).toBe("2026-10-25T22:59:59.999Z");
    // Santiago skips midnight when summer time begins (2026-09-06): the day starts at 01:00.
    expect(startOfDay("2026-09-06", "America/Santiago").toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
  });

  it("knows real calendar days and the day after", () => {
    expect(isDayKey("2026-02-28")).toBe(true);
    expect(isDayKey("2026-02-30")).toBe(false);
    expect(isDayKey("26-02-01")).toBe(false);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(() => startOfDay("yesterday", "UTC")).toThrow(/YYYY-MM-DD/);
  });
});
