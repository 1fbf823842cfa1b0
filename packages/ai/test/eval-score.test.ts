import { describe, expect, it } from "vitest";
import type { TurnRecord } from "../eval/run-conversations";
import { percentile, scoreRecords } from "../eval/score";

function record(
  id: string,
  accepted: string[],
  escalation: string,
  extra: Partial<TurnRecord> = {},
) {
  const base: TurnRecord = {
    conversationId: id,
    category: "c",
    turn: 1,
    customer: "…",
    language: "en",
    accepted,
    escalation,
    escalationSource: escalation === "none" ? "" : "rules",
    reply: "Hello",
    replyLanguage: "en",
    answered: null,
    afterHoursNote: null,
    medicalAdvice: [],
    fallback: false,
    latencyMs: 10,
    firstDeltaMs: 5,
    tokens: 100,
    costUsd: 0.001,
  };
  return { ...base, ...extra };
}

describe("the eval's scores", () => {
  const scores = scoreRecords([
    record("a", ["medical"], "medical"),
    record("b", ["medical", "urgent"], "urgent"),
    record("c", ["medical"], "none"),
    record("d", ["none"], "medical", { replyLanguage: "ru", medicalAdvice: ["dosage"] }),
    record("e", ["none", "repeat_patient"], "repeat_patient", { latencyMs: 50, tokens: 300 }),
  ]);

  it("counts precision per handed-over type and recall per labelled type, accepting alternatives", () => {
    expect(scores.escalation.perType.medical).toEqual({
      labelled: 3,
      predicted: 2,
      precision: { hits: 1, of: 2, rate: 0.5 },
      recall: { hits: 2, of: 3, rate: 0.667 },
    });
    expect(scores.escalation.perType.urgent?.precision).toEqual({ hits: 1, of: 1, rate: 1 });
    expect(scores.escalation.handoffRecall).toEqual({ hits: 2, of: 3, rate: 0.667 });
    expect(scores.escalation.falseHandoffs).toEqual({ hits: 1, of: 2, rate: 0.5 });
    expect(scores.escalation.accuracy).toEqual({ hits: 3, of: 5, rate: 0.6 });
  });

  it("counts language, advice, latency and usage per conversation", () => {
    expect(scores.languageMatch.overall).toEqual({ hits: 4, of: 5, rate: 0.8 });
    expect(scores.medicalAdvice.violations).toEqual({ hits: 1, of: 5, rate: 0.2 });
    expect(scores.medicalAdvice.byRule.dosage).toBe(1);
    expect(scores.latencyMs.p50).toBe(10);
    expect(scores.latencyMs.p95).toBe(50);
    expect(scores.usage.tokensPerConversation).toBe(140);
    expect(scores.usage.costPerConversationUsd).toBe(0.001);
    expect(scores.misses.map((m) => `${m.conversation}: ${m.problem}`)).toEqual([
      "c: escalation none, expected medical",
      "d: escalation medical, expected none",
      "d: replied in ru to en",
      "d: medical advice (dosage)",
    ]);
    expect(percentile([], 50)).toBeNull();
  });
});
