import { stopAiAfterHandoff, type AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation } from "@agents-crm/db";

/**
 * Whether the AI answers in this state: always while AI_ACTIVE, never once CLOSED, and while a human is
 * involved (NEEDS_HUMAN, HUMAN_ACTIVE) only if the agent's `handoff.stop_ai_after_handoff` is false.
 */
export function aiMayAnswer(conversation: Conversation, config: AgentConfig): boolean {
  switch (conversation.status) {
    case "AI_ACTIVE":
      return true;
    case "NEEDS_HUMAN":
    case "HUMAN_ACTIVE":
      return !stopAiAfterHandoff(config);
    case "CLOSED":
      return false;
  }
}
