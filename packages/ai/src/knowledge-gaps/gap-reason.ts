import type { KnowledgeGapReason } from "@agents-crm/config/knowledge-gaps";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { TurnResult } from "../turn/types";
import { asksSomething } from "./gap-question";

/**
 * Why this turn shows a gap in the agent's knowledge, or null when it does not: the customer got the
 * fallback text, or retrieval found nothing above the agent's threshold for a message that asks something.
 * A hand-over the rules or the model decided (a booking, a symptom, a phone number) is not a gap: the
 * question went to a human on purpose. Agents without a knowledge base have nothing to fill.
 */
export function knowledgeGapReason(
  config: AgentConfig,
  result: TurnResult,
  question: string,
): KnowledgeGapReason | null {
  if (!config.rag.enabled || !result.reply) return null;
  if (result.flags.moderationFlagged || !asksSomething(question)) return null;
  if (result.flags.fallback) return "fallback";
  if (result.escalation.needed) return null;
  return result.sources.length === 0 ? "no_knowledge" : null;
}
