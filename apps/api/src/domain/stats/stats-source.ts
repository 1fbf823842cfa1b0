import { parseMessageMetadata } from "@agents-crm/config/message-metadata";
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

/** What a message's metadata tells stats: parsed as every reader parses it, absent numbers as 0. */
function factsOf(metadata: unknown): Pick<MessageFacts, "escalationType" | "usage"> {
  const { escalation, usage } = parseMessageMetadata(metadata);
  return {
    escalationType: escalation ? (escalation.type ?? "unspecified") : null,
    usage: usage
      ? {
          costUsd: usage.costUsd ?? 0,
          latencyMs: usage.latencyMs ?? 0,
          llmLatencyMs: usage.llmLatencyMs ?? 0,
          totalTokens: usage.totalTokens ?? 0,
        }
      : null,
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
  // Staff notes are not messages of the conversation with the customer: no count, chart or reply time.
  return (await deps.repos.stats.messagesBetween(conversationId, window))
    .filter((message) => message.role !== "note")
    .map(messageFacts);
}
