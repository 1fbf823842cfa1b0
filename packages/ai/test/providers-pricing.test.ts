import { describe, expect, it } from "vitest";
import { modelParams } from "../src/providers/model-params";
import { estimateCostUsd, priceOf } from "../src/providers/pricing";

const usage = (promptTokens: number, completionTokens: number) => ({
  promptTokens,
  completionTokens,
  totalTokens: promptTokens + completionTokens,
});

describe("cost table", () => {
  it("prices common OpenAI models per 1M tokens", () => {
    expect(estimateCostUsd("gpt-4o-mini", usage(1_000_000, 1_000_000))).toBeCloseTo(0.75);
    expect(estimateCostUsd("gpt-4o", usage(1_000_000, 0))).toBeCloseTo(2.5);
    expect(estimateCostUsd("gpt-4.1-mini", usage(0, 1_000_000))).toBeCloseTo(1.6);
    expect(estimateCostUsd("gpt-5", usage(1_000_000, 1_000_000))).toBeCloseTo(11.25);
    expect(estimateCostUsd("text-embedding-3-small", usage(1_000_000, 0))).toBeCloseTo(0.02);
    expect(estimateCostUsd("text-embedding-3-large", usage(1_000_000, 0))).toBeCloseTo(0.13);
    expect(estimateCostUsd("omni-moderation-latest", usage(1_000_000, 0))).toBe(0);
  });

  it("matches dated snapshots and vendor prefixes to the right (longest) entry", () => {
    expect(priceOf("gpt-4o-mini-2024-07-18")).toEqual(priceOf("gpt-4o-mini"));
    expect(priceOf("gpt-4o-2024-08-06")).toEqual(priceOf("gpt-4o"));
    expect(priceOf("gpt-5-mini-2025-08-07")).toEqual(priceOf("gpt-5-mini"));
    expect(priceOf("openai/gpt-4.1-nano")).toEqual(priceOf("gpt-4.1-nano"));
  });

  it("charges nothing for unknown and self-hosted models", () => {
    expect(estimateCostUsd("llama3.1:8b", usage(5_000, 5_000))).toBe(0);
    expect(estimateCostUsd("gpt-4oz", usage(5_000, 5_000))).toBe(0);
  });
});

describe("model parameters", () => {
  it("uses max_completion_tokens for o-series, gpt-5 and gpt-4o-2024 snapshots, max_tokens otherwise", () => {
    expect(modelParams("o3-mini", 0.2, 100)).toEqual({ max_completion_tokens: 100 });
    expect(modelParams("o4-mini", undefined, 100)).toEqual({ max_completion_tokens: 100 });
    expect(modelParams("gpt-5-chat-latest", 0.2, 100)).toEqual({
      max_completion_tokens: 100,
      temperature: 0.2,
    });
    expect(modelParams("gpt-4o-2024-11-20", 0.2, 100)).toEqual({
      max_completion_tokens: 100,
      temperature: 0.2,
    });
    expect(modelParams("gpt-4o-mini", 0.2, 100)).toEqual({ max_tokens: 100, temperature: 0.2 });
    expect(modelParams("llama3.1", 0, undefined)).toEqual({ temperature: 0 });
  });
});
