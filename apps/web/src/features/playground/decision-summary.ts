import type { HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { PlaygroundResult } from "./types";

export type DecisionFlag = "moderation" | "afterHours" | "fallback" | "retried" | "offline";

export interface DecisionSummary {
  escalated: boolean;
  /** null when nothing was escalated. */
  type: string | null;
  reason: string;
  /** What staff would read about the hand-over; null when nothing was escalated. */
  summary: HandoffSummary | null;
  /** 0–100, rounded. */
  confidencePercent: number;
  source: string;
  /** Keyword triggers, and the safety net's hits with their category and deciding words. */
  triggers: { keyword: string; type: string; category: string | null; words: string[] }[];
  contacts: string[];
  sources: { key: string; title: string; snippet: string; scorePercent: number }[];
  costUsd: number;
  latencyMs: number;
  totalTokens: number;
  /** Prompt tokens the provider served from its prompt cache. */
  cachedTokens: number;
  flags: DecisionFlag[];
  language: string;
  /** How many messages the channel would send. */
  parts: number;
}

/** Everything one playground turn decided, in the order the console shows it. */
export function decisionSummary(result: PlaygroundResult): DecisionSummary {
  const { escalation, flags } = result;
  const raised: DecisionFlag[] = [];
  if (flags.moderationFlagged) raised.push("moderation");
  if (flags.afterHours) raised.push("afterHours");
  if (flags.fallback) raised.push("fallback");
  if (flags.retried) raised.push("retried");
  if (flags.offline) raised.push("offline");
  return {
    escalated: escalation.needed,
    type: escalation.needed ? escalation.type : null,
    reason: escalation.reason,
    summary: escalation.needed ? escalation.summary : null,
    confidencePercent: Math.round(Math.min(1, Math.max(0, escalation.confidence)) * 100),
    source: escalation.source,
    triggers: result.triggers.map(({ keyword, type, category, words }) => ({
      keyword,
      type,
      category: category ?? null,
      words: words ?? [],
    })),
    contacts: [...result.contacts.phoneNumbers, ...result.contacts.emails],
    sources: result.sources.map((source, index) => ({
      key: `${source.sourceId}#${source.chunkIndex}#${index}`,
      title: source.title || source.sourceId,
      snippet: source.snippet,
      scorePercent: Math.round(source.score * 100),
    })),
    costUsd: result.usage.costUsd,
    latencyMs: result.usage.latencyMs,
    totalTokens: result.usage.totalTokens,
    cachedTokens: result.usage.cachedTokens,
    flags: raised,
    language: result.language,
    parts: result.reply?.parts.length ?? 0,
  };
}
