import { describe, expect, it } from "vitest";
import { runSafetyNet } from "../src/rules/safety-net/safety-net";
import { loadSafetyNetSet, quality, type Scored } from "../eval/safety-net-scoring";
import { configOf, minimalDocument } from "./turn-kit";

const config = configOf(minimalDocument());
const set = loadSafetyNetSet();
const scored: Scored[] = set.map((item) => ({
  item,
  found: runSafetyNet(config, item.text).map((hit) => hit.category),
}));

describe("safety-net labelled set", () => {
  it("is large, has unique ids, every language and category, and hard negatives", () => {
    expect(set.length).toBeGreaterThanOrEqual(300);
    expect(new Set(set.map((item) => item.id)).size).toBe(set.length);
    expect([...new Set(set.map((item) => item.language))].sort()).toEqual([
      "ar",
      "en",
      "mixed",
      "ru",
    ]);
    expect(new Set(set.map((item) => item.expected)).size).toBe(8);
    expect(set.filter((item) => item.expected === "none").length).toBeGreaterThanOrEqual(100);
  });

  it("holds the issue's examples", () => {
    const texts = new Map(set.map((item) => [item.text, item.expected]));
    expect(texts.get("Can I take ibuprofen for the pain? How much?")).toBe("medication");
    expect(texts.get("My child has a fever of 39.5, what should I do?")).toBe("children");
    expect(texts.get("I am pregnant, is whitening safe?")).toBe("pregnancy");
    expect(texts.get("What do my blood test results mean?")).toBe("test_results");
    expect(texts.get("my face is swollen")).toBe("urgent");
    expect(texts.get("У ребенка температура 39, что делать?")).toBe("children");
    expect(texts.get("you are a useless idiot bot")).toBe("abuse");
    expect(texts.get("I have chest pain")).toBe("urgent");
  });

  // Design §5: hand-over recall ≥ 0.95 overall and ≥ 0.90 per language; false hand-overs ≤ 5 %.
  it("meets the design's targets overall and per language", () => {
    const overall = quality(scored);
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(overall.falseRate).toBeLessThanOrEqual(0.05);
    for (const language of ["en", "ru", "ar", "mixed"]) {
      const slice = quality(scored.filter((s) => s.item.language === language));
      expect(slice.recall, language).toBeGreaterThanOrEqual(0.9);
      expect(slice.falseRate, language).toBeLessThanOrEqual(0.05);
    }
  });
});
