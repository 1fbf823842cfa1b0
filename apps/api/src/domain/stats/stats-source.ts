import type { StatsMessage } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

export type { ConversationFacts } from "@agents-crm/db";

export interface MessageFacts {
  conversationId: string;
  at: number;
  role: string;
  /** The escalation type an agent turn declared (chat stores it in `metadata.escalation`). */
  escalationType: string | null;
  usage: { costUsd: number; latencyMs: number; llmLatencyMs: number; totalTokens: number } | null;
}

type Item = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number =>
  typeof value === "number" && Number.isFinite(value) ? value : 0;

const field = (value: unknown, key: string): Item | null => {
  if (typeof value !== "object" || value === null) return null;
  const inner = (value as Item)[key];
  return typeof inner === "object" && inner !== null ? (inner as Item) : null;
};

function usageOf(metadata: unknown): MessageFacts["usage"] {
  const u = field(metadata, "usage");
  if (!u) return null;
  return {
    costUsd: num(u.costUsd),
    latencyMs: num(u.latencyMs),
    llmLatencyMs: num(u.llmLatencyMs),
    totalTokens: num(u.totalTokens),
  };
}

/** What a message's metadata tells stats: its declared escalation and its usage. */
function factsOf(metadata: unknown): Pick<MessageFacts, "escalationType" | "usage"> {
  const escalation = field(metadata, "escalation");
  return {
    escalationType: escalation ? (str(escalation.type) ?? "unspecified") : null,
    usage: usageOf(metadata),
  };
}

const messageFacts = ({ conversationId, at, role, metadata }: StatsMessage): MessageFacts => ({
  conversationId,
  at,
  role,
  ...factsOf(metadata),
});

/** One conversation's messages that arrived within [from, to]. */
export async function messagesBetween(
  deps: Pick<ApiDeps, "repos">,
  conversationId: string,
  window: { from: Date; to: Date; now: Date },
): Promise<MessageFacts[]> {
  return (await deps.repos.stats.messagesBetween(conversationId, window)).map(messageFacts);
}
