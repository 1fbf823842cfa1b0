import { CONVERSATION_STATUSES } from "@agents-crm/config/conversations";
import { CONVERSATION_ROLES } from "@agents-crm/config/messages";
import type { ConversationFacts, MessageFacts } from "./stats-source";
import type { TimeWindow } from "./periods";

export interface Percentiles {
  p50: number;
  p95: number;
  avg: number;
  max: number;
}

export interface StatsValues {
  /** Conversations created in the window, by their current status, stage and channel. */
  conversations: {
    total: number;
    /** Conversations with at least one message in the window (created in it or earlier). */
    active: number;
    byStatus: Record<string, number>;
    byStage: Record<string, number>;
    byChannel: Record<string, number>;
  };
  /** Conversations that escalated in the window, by the type of their first escalation in it. */
  escalations: { total: number; byType: Record<string, number> };
  messages: { total: number; byRole: Record<string, number> };
  /** Agent replies that carry per-turn usage: one per answered turn. */
  llm: {
    turns: number;
    costUsd: number;
    totalTokens: number;
    latencyMs: Percentiles | null;
    llmLatencyMs: Percentiles | null;
  };
}

const within = (iso: string | null, w: TimeWindow) => {
  if (iso === null) return false;
  const ms = Date.parse(iso);
  return ms >= w.from.getTime() && ms <= w.to.getTime();
};

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Nearest-rank percentiles. */
export function percentiles(values: number[]): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    p50: rank(0.5),
    p95: rank(0.95),
    avg: Math.round(sum / sorted.length),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export function aggregate(
  window: TimeWindow,
  stageIds: readonly string[],
  conversations: readonly ConversationFacts[],
  messages: readonly MessageFacts[],
): StatsValues {
  const byStatus = zeros(CONVERSATION_STATUSES);
  const byStage = zeros(stageIds);
  const byChannel: Record<string, number> = {};
  let total = 0;
  for (const c of conversations) {
    if (!within(c.createdAt, window)) continue;
    total++;
    bump(byStatus, c.status);
    bump(byStage, c.stage);
    bump(byChannel, c.channel);
  }
  const byRole = zeros(CONVERSATION_ROLES);
  let messageCount = 0;
  const latency: number[] = [];
  const llmLatency: number[] = [];
  let costUsd = 0;
  let totalTokens = 0;
  // Escalated conversations: a turn that declared an escalation in the window (kept in the reply's
  // metadata even after the conversation went back to the AI), or a needs-human mark set in it.
  const escalated = new Map<string, string>();
  const active = new Set<string>();
  for (const m of messages) {
    if (m.at < window.from.getTime() || m.at > window.to.getTime()) continue;
    messageCount++;
    active.add(m.conversationId);
    bump(byRole, m.role);
    if (m.escalationType !== null && !escalated.has(m.conversationId)) {
      escalated.set(m.conversationId, m.escalationType);
    }
    if (m.role !== "agent" || !m.usage) continue;
    latency.push(m.usage.latencyMs);
    llmLatency.push(m.usage.llmLatencyMs);
    costUsd += m.usage.costUsd;
    totalTokens += m.usage.totalTokens;
  }
  for (const c of conversations) {
    if (within(c.needsHumanSince, window) && !escalated.has(c.conversationId)) {
      escalated.set(c.conversationId, c.escalationType ?? "unspecified");
    }
  }
  const byType: Record<string, number> = {};
  for (const type of escalated.values()) bump(byType, type);
  return {
    conversations: { total, active: active.size, byStatus, byStage, byChannel },
    escalations: { total: escalated.size, byType },
    messages: { total: messageCount, byRole },
    llm: {
      turns: latency.length,
      costUsd: Math.round(costUsd * 1e6) / 1e6,
      totalTokens,
      latencyMs: percentiles(latency),
      llmLatencyMs: percentiles(llmLatency),
    },
  };
}

type Numeric = number | null | undefined | { [key: string]: Numeric };

/**
 * current − previous for every number of the same shape (a key missing on one side counts as 0); null
 * where either side has no value (e.g. no latency percentiles without turns).
 */
export function deltas<T>(current: T, previous: T): T {
  const diff = (a: Numeric, b: Numeric): Numeric => {
    if (a === null || b === null) return null;
    if (typeof a === "object" || typeof b === "object") {
      const x = typeof a === "object" ? a : {};
      const y = typeof b === "object" ? b : {};
      const out: Record<string, Numeric> = {};
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
        out[key] = diff(x[key], y[key]);
      return out;
    }
    return Math.round(((a ?? 0) - (b ?? 0)) * 1e6) / 1e6;
  };
  return diff(current as Numeric, previous as Numeric) as T;
}
