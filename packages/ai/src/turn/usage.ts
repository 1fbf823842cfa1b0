import type { CallMetrics } from "../providers/types";
import type { TurnUsage } from "./types";

export function summarizeUsage(steps: CallMetrics[], startedAt: number): TurnUsage {
  let totalTokens = 0;
  let cachedTokens = 0;
  let costUsd = 0;
  let llmLatencyMs = 0;
  for (const step of steps) {
    totalTokens += step.usage.totalTokens;
    cachedTokens += step.usage.cachedTokens ?? 0;
    costUsd += step.costUsd;
    if (step.step === "chat") llmLatencyMs += step.latencyMs;
  }
  return {
    steps,
    totalTokens,
    cachedTokens,
    costUsd,
    latencyMs: performance.now() - startedAt,
    llmLatencyMs,
  };
}
