import type { TokenUsage } from "./types";

/** USD per 1M tokens (OpenAI list prices, standard tier); `cachedInput` for prompt tokens served from cache. */
export interface ModelPrice {
  input: number;
  output: number;
  cachedInput?: number;
}

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  "gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 },
  "gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 },
  "gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 },
  "gpt-5-nano": { input: 0.05, output: 0.4, cachedInput: 0.005 },
  "gpt-5-mini": { input: 0.25, output: 2, cachedInput: 0.025 },
  "gpt-5": { input: 1.25, output: 10, cachedInput: 0.125 },
  "gpt-5.1": { input: 1.25, output: 10, cachedInput: 0.125 },
  "o4-mini": { input: 1.1, output: 4.4, cachedInput: 0.275 },
  "o3-mini": { input: 1.1, output: 4.4, cachedInput: 0.55 },
  o3: { input: 2, output: 8, cachedInput: 0.5 },
  o1: { input: 15, output: 60, cachedInput: 7.5 },
  "text-embedding-3-small": { input: 0.02, output: 0 },
  "text-embedding-3-large": { input: 0.13, output: 0 },
  "text-embedding-ada-002": { input: 0.1, output: 0 },
  "omni-moderation": { input: 0, output: 0 },
  "text-moderation": { input: 0, output: 0 },
};

const KEYS_LONGEST_FIRST = Object.keys(MODEL_PRICES).sort((a, b) => b.length - a.length);

/**
 * The price of `model`, matching dated snapshots ("gpt-4o-mini-2024-07-18") and vendor-prefixed
 * names ("openai/gpt-4o"); null for anything else (self-hosted and unknown models cost us nothing).
 */
export function priceOf(model: string): ModelPrice | null {
  const name = model.toLowerCase().replace(/^openai\//, "");
  const key = KEYS_LONGEST_FIRST.find((k) => name === k || name.startsWith(`${k}-`));
  return key === undefined ? null : (MODEL_PRICES[key] ?? null);
}

export function estimateCostUsd(model: string, usage: TokenUsage): number {
  const price = priceOf(model);
  if (!price) return 0;
  const cached = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const cost =
    ((usage.promptTokens - cached) * price.input +
      cached * (price.cachedInput ?? price.input) +
      usage.completionTokens * price.output) /
    1_000_000;
  return Math.round(cost * 1e9) / 1e9;
}
