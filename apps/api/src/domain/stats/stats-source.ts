import type { MessageFacts as StoredMessage } from "@agents-crm/db";
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

/** What statistics count of a stored message: its escalation and usage, read from its metadata. */
function messageFacts(message: StoredMessage): MessageFacts {
  const escalation = field(message.metadata, "escalation");
  return {
    conversationId: message.conversationId,
    at: message.at,
    role: message.role,
    escalationType: escalation ? (str(escalation.type) ?? "unspecified") : null,
    usage: usageOf(message.metadata),
  };
}

/** One conversation's messages that arrived within [from, to]. */
export async function messagesBetween(
  deps: Pick<ApiDeps, "repos">,
  conversationId: string,
  window: { from: Date; to: Date; now: Date },
): Promise<MessageFacts[]> {
  return (await deps.repos.stats.messagesBetween(conversationId, window)).map(messageFacts);
}
