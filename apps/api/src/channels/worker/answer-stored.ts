import { burstWindowMs, type AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { aiMayAnswer } from "../../domain/conversations/status-rules";
import { runTurn } from "../../domain/turns/run-turn";

/**
 * The turn for a customer message an earlier, interrupted run already stored (the process died before
 * the reply was written): the same lane and turn as a fresh message, without storing it again.
 */
export async function answerStoredMessage(
  deps: ApiDeps,
  conversation: Conversation,
  config: AgentConfig,
  message: Message,
): Promise<Message | null> {
  if (!aiMayAnswer(conversation, config)) return null;
  const id = conversation.conversationId;
  const outcome = await deps.turns.submit(
    id,
    { message, windowMs: burstWindowMs(config) },
    (batch, handle) => runTurn(deps, { conversationId: id, config, batch, handle }),
  );
  return outcome.folded ? null : outcome.result.reply;
}
