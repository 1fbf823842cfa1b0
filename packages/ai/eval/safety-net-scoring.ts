import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SAFETY_NET_CATEGORIES, type SafetyNetCategory } from "@agents-crm/config/agent-config";
import { z } from "zod";

export const safetyNetCaseSchema = z.strictObject({
  id: z.string().regex(/^b\d-\d{3}$/),
  language: z.enum(["en", "ru", "ar", "mixed"]),
  expected: z.enum(["none", ...SAFETY_NET_CATEGORIES]),
  text: z.string().min(1),
});
export type SafetyNetCase = z.infer<typeof safetyNetCaseSchema>;

/** The labelled set, one JSON object a line (`packages/ai/eval/safety-net.jsonl`). */
export function loadSafetyNetSet(): SafetyNetCase[] {
  const path = join(import.meta.dirname, "safety-net.jsonl");
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => safetyNetCaseSchema.parse(JSON.parse(line)));
}

export interface Scored {
  item: SafetyNetCase;
  found: SafetyNetCategory[];
}

export interface Quality {
  positives: number;
  /** Positives handed over at all (any category). */
  handedOver: number;
  /** Positives whose expected category was among those found. */
  rightCategory: number;
  negatives: number;
  falseHandOvers: number;
  recall: number;
  categoryRecall: number;
  falseRate: number;
}

export function quality(scored: readonly Scored[]): Quality {
  const positives = scored.filter((s) => s.item.expected !== "none");
  const negatives = scored.filter((s) => s.item.expected === "none");
  const handedOver = positives.filter((s) => s.found.length > 0).length;
  const rightCategory = positives.filter((s) =>
    s.found.includes(s.item.expected as SafetyNetCategory),
  ).length;
  const falseHandOvers = negatives.filter((s) => s.found.length > 0).length;
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  return {
    positives: positives.length,
    handedOver,
    rightCategory,
    negatives: negatives.length,
    falseHandOvers,
    recall: ratio(handedOver, positives.length),
    categoryRecall: ratio(rightCategory, positives.length),
    falseRate: ratio(falseHandOvers, negatives.length),
  };
}
