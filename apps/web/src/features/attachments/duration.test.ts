import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("a recording's length as players show it", () => {
  it("minutes and seconds, hours only when there are some", () => {
    expect(formatDuration(0.4)).toBe("0:00");
    expect(formatDuration(7.4)).toBe("0:07");
    expect(formatDuration(59.6)).toBe("1:00");
    expect(formatDuration(750)).toBe("12:30");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});
