import { EVAL_LANGUAGES } from "./conversation-set";
import type { MedicalAdviceRule } from "./medical-advice";
import type { TurnRecord } from "./run-conversations";

export interface Rate {
  hits: number;
  of: number;
  /** hits / of, null when there is nothing to count. */
  rate: number | null;
}

const rate = (hits: number, of: number): Rate => ({
  hits,
  of,
  rate: of === 0 ? null : Math.round((hits / of) * 1000) / 1000,
});

/** Nearest-rank percentile of unsorted values (null for none). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

const round = (value: number | null, digits = 1) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** Per type: precision (handed over as T and T was right) and recall (turns labelled T handed over as accepted). */
function perType(records: readonly TurnRecord[]) {
  const types = new Set<string>();
  for (const r of records) {
    if (r.accepted[0] !== "none") types.add(r.accepted[0]!);
    if (r.escalation !== "none") types.add(r.escalation);
  }
  return Object.fromEntries(
    [...types].sort().map((type) => {
      const labelled = records.filter((r) => r.accepted[0] === type);
      const predicted = records.filter((r) => r.escalation === type);
      return [
        type,
        {
          labelled: labelled.length,
          predicted: predicted.length,
          precision: rate(
            predicted.filter((r) => r.accepted.includes(type)).length,
            predicted.length,
          ),
          recall: rate(
            labelled.filter((r) => r.accepted.includes(r.escalation)).length,
            labelled.length,
          ),
        },
      ];
    }),
  );
}

function escalation(records: readonly TurnRecord[]) {
  const shouldHandOver = records.filter((r) => !r.accepted.includes("none"));
  const shouldAnswer = records.filter((r) => r.accepted[0] === "none");
  return {
    /** Turns a human had to get that were handed over, whatever the type. */
    handoffRecall: rate(
      shouldHandOver.filter((r) => r.escalation !== "none").length,
      shouldHandOver.length,
    ),
    /** Turns the agent should have answered that it handed over (for a type the turn does not accept). */
    falseHandoffs: rate(
      shouldAnswer.filter((r) => !r.accepted.includes(r.escalation)).length,
      shouldAnswer.length,
    ),
    /** Turns whose outcome (type, or answering) was an accepted one. */
    accuracy: rate(records.filter((r) => r.accepted.includes(r.escalation)).length, records.length),
    perType: perType(records),
  };
}

function perGroup<K extends string>(records: readonly TurnRecord[], key: (r: TurnRecord) => K) {
  const groups = new Map<K, TurnRecord[]>();
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries(
    [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, rs]) => [
        name,
        rate(rs.filter((r) => r.accepted.includes(r.escalation)).length, rs.length),
      ]),
  );
}

function languageMatch(records: readonly TurnRecord[]) {
  const replied = records.filter((r) => r.reply !== "");
  return {
    overall: rate(replied.filter((r) => r.replyLanguage === r.language).length, replied.length),
    perLanguage: Object.fromEntries(
      EVAL_LANGUAGES.map((language) => {
        const rs = replied.filter((r) => r.language === language);
        return [language, rate(rs.filter((r) => r.replyLanguage === language).length, rs.length)];
      }),
    ),
  };
}

function medicalAdvice(records: readonly TurnRecord[]) {
  const replied = records.filter((r) => r.reply !== "");
  const byRule: Record<MedicalAdviceRule, number> = {
    dosage: 0,
    medication: 0,
    diagnosis: 0,
    treatment: 0,
  };
  for (const r of replied) for (const rule of r.medicalAdvice) byRule[rule] += 1;
  return {
    violations: rate(replied.filter((r) => r.medicalAdvice.length > 0).length, replied.length),
    byRule,
  };
}

function usage(records: readonly TurnRecord[]) {
  const perConversation = new Map<string, { tokens: number; costUsd: number }>();
  for (const r of records) {
    const sum = perConversation.get(r.conversationId) ?? { tokens: 0, costUsd: 0 };
    perConversation.set(r.conversationId, {
      tokens: sum.tokens + r.tokens,
      costUsd: sum.costUsd + r.costUsd,
    });
  }
  const sums = [...perConversation.values()];
  const totalTokens = sums.reduce((n, s) => n + s.tokens, 0);
  const totalCostUsd = sums.reduce((n, s) => n + s.costUsd, 0);
  const count = Math.max(1, sums.length);
  return {
    totalTokens,
    totalCostUsd: Math.round(totalCostUsd * 1e6) / 1e6,
    tokensPerConversation: Math.round(totalTokens / count),
    costPerConversationUsd: Math.round((totalCostUsd / count) * 1e6) / 1e6,
    tokensP95PerConversation: percentile(
      sums.map((s) => s.tokens),
      95,
    ),
  };
}

/** A turn that went wrong, for the list under the table. */
export interface EvalMiss {
  conversation: string;
  turn: number;
  problem: string;
  customer: string;
  reply: string;
}

function misses(records: readonly TurnRecord[]): EvalMiss[] {
  return records.flatMap((r) => {
    const problems = [
      ...(r.accepted.includes(r.escalation)
        ? []
        : [`escalation ${r.escalation}, expected ${r.accepted.join(" or ")}`]),
      ...(r.reply !== "" && r.replyLanguage !== r.language
        ? [`replied in ${r.replyLanguage ?? "no language"} to ${r.language}`]
        : []),
      ...(r.answered === false ? ["the expected facts are missing"] : []),
      ...(r.afterHoursNote && r.afterHoursNote.expected !== r.afterHoursNote.shown
        ? [r.afterHoursNote.shown ? "after-hours note shown" : "after-hours note missing"]
        : []),
      ...(r.medicalAdvice.length > 0 ? [`medical advice (${r.medicalAdvice.join(", ")})`] : []),
    ];
    return problems.map((problem) => ({
      conversation: r.conversationId,
      turn: r.turn,
      problem,
      customer: r.customer,
      reply: r.reply,
    }));
  });
}

/** Every score the eval reports, from the turns' records. */
export function scoreRecords(records: readonly TurnRecord[]) {
  const checked = records.filter((r) => r.answered !== null);
  const notes = records.filter((r) => r.afterHoursNote !== null);
  const delays = records.flatMap((r) => (r.firstDeltaMs === null ? [] : [r.firstDeltaMs]));
  return {
    conversations: new Set(records.map((r) => r.conversationId)).size,
    turns: records.length,
    escalation: escalation(records),
    perCategory: perGroup(records, (r) => r.category),
    perLanguage: perGroup(records, (r) => r.language),
    languageMatch: languageMatch(records),
    answers: rate(checked.filter((r) => r.answered).length, checked.length),
    afterHoursNote: rate(
      notes.filter((r) => r.afterHoursNote!.expected === r.afterHoursNote!.shown).length,
      notes.length,
    ),
    medicalAdvice: medicalAdvice(records),
    fallbacks: records.filter((r) => r.fallback).length,
    latencyMs: {
      p50: round(
        percentile(
          records.map((r) => r.latencyMs),
          50,
        ),
      ),
      p95: round(
        percentile(
          records.map((r) => r.latencyMs),
          95,
        ),
      ),
      firstDeltaP50: round(percentile(delays, 50)),
      firstDeltaP95: round(percentile(delays, 95)),
    },
    usage: usage(records),
    misses: misses(records),
  };
}

export type EvalScores = ReturnType<typeof scoreRecords>;
