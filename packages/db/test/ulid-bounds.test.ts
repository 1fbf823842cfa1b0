import { encodeTime } from "ulid";
import { describe, expect, it } from "vitest";
import { ulidBounds, ulidTime } from "../src/lib/ids";

describe("ULID time bounds", () => {
  it("bound a time range as a key range, and read a ULID's time back", () => {
    const prefix = (ms: number) => encodeTime(ms, 10);
    const ms = Date.parse("2026-03-10T12:00:00.000Z");
    expect(ulidTime(prefix(ms) + "ABCDEFGHJKMNPQRS")).toBe(ms);
    const { low, high } = ulidBounds(ms, ms + 1000);
    expect(low < prefix(ms + 1) + "0000000000000000").toBe(true);
    expect(high > prefix(ms + 1000) + "ZZZZZZZZZZZZZZZY").toBe(true);
  });
});
