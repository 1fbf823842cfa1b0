import { describe, expect, it } from "vitest";
import { toWellFormedDeep, wellFormed } from "../src/well-formed-text";

describe("wellFormed", () => {
  it("replaces lone surrogates only, keeping pairs (emoji) and returning the same string when clean", () => {
    expect(wellFormed("a\ud800b\udc00c")).toBe("a\ufffdb\ufffdc");
    expect(wellFormed("\udc00\ud800")).toBe("\ufffd\ufffd");
    const clean = "\ud83d\ude00 привет";
    expect(wellFormed(clean)).toBe(clean);
  });
});

describe("toWellFormedDeep", () => {
  it("repairs strings and keys at any depth and leaves other values alone", () => {
    const date = new Date(0);
    const value = toWellFormedDeep({
      ["k\ud800"]: ["a\udc00", { deep: "\ud83d\ude00 stays" }],
      n: 1,
      date,
    });
    expect(value).toEqual({
      ["k\ufffd"]: ["a\ufffd", { deep: "\ud83d\ude00 stays" }],
      n: 1,
      date,
    });
  });

  it("survives cycles (superjson restores shared references)", () => {
    const cyclic: Record<string, unknown> = { name: "x\ud800" };
    cyclic.self = cyclic;
    expect(toWellFormedDeep(cyclic)).toMatchObject({ name: "x\ufffd" });
  });

  it("walks a deeply nested value without recursion", () => {
    let nested: unknown = "x\ud800";
    for (let i = 0; i < 100_000; i++) nested = [nested];
    let out = toWellFormedDeep(nested);
    for (let i = 0; i < 100_000; i++) out = (out as unknown[])[0];
    expect(out).toBe("x\ufffd");
  });
});
