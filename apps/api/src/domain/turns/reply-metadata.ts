import type { TurnResult } from "@agents-crm/ai";
import type { MessageMetadataInput } from "@agents-crm/config/message-metadata";
import type { Message } from "@agents-crm/db";

/**
 * What an agent message records about its turn. `usage` is read by stats (cost and latency per turn);
 * sources keep ids and scores, not the excerpts (the config holds those).
 */
export function replyMetadata(
  result: TurnResult,
  turn: { turnId: string; batch: readonly Message[] },
): MessageMetadataInput {
  const { usage, escalation, flags, contacts } = result;
  const hasContacts = contacts.phoneNumbers.length > 0 || contacts.emails.length > 0;
  return {
    turnId: turn.turnId,
    answers: turn.batch.map((message) => message.messageId),
    sources: result.sources.map((source) => ({
      sourceId: source.sourceId,
      chunkIndex: source.chunkIndex,
      title: source.title,
      score: source.score,
    })),
    usage: {
      costUsd: usage.costUsd,
      latencyMs: Math.round(usage.latencyMs),
      llmLatencyMs: Math.round(usage.llmLatencyMs),
      totalTokens: usage.totalTokens,
      ...(usage.cachedTokens > 0 ? { cachedTokens: usage.cachedTokens } : {}),
    },
    escalation: escalation.needed
      ? {
          type: escalation.type,
          reason: escalation.reason,
          confidence: escalation.confidence,
          source: escalation.source,
          ...(escalation.summary ? { summary: escalation.summary } : {}),
        }
      : null,
    offline: flags.offline,
    ...(flags.fallback ? { fallback: true } : {}),
    ...(flags.moderationFlagged ? { moderationFlagged: true } : {}),
    ...(flags.afterHours ? { afterHours: true } : {}),
    ...(hasContacts ? { contacts } : {}),
  };
}
