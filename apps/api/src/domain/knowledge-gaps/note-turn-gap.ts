import { knowledgeGapReason, type TurnResult } from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { gapQuestionText } from "./gap-groups";
import { recordKnowledgeGap } from "./record-gap";

/**
 * After a reply was stored: if the turn shows a gap in the agent's knowledge, record it in the
 * background. The customer already has the reply; a failure here is logged and changes nothing else.
 * Playground turns never come here (they are not stored), so trying a draft leaves no gaps behind.
 */
export function noteKnowledgeGap(
  deps: ApiDeps,
  turn: {
    conversation: Conversation;
    config: AgentConfig;
    batch: readonly Message[];
    result: TurnResult;
    reply: Message;
  },
): void {
  deps.work.run("record knowledge gap", async () => {
    const question = gapQuestionText(turn.batch.map((message) => message.content));
    const reason = knowledgeGapReason(turn.config, turn.result, question);
    if (!reason) return;
    await recordKnowledgeGap(deps, {
      agentId: turn.conversation.agentId,
      example: {
        question,
        conversationId: turn.conversation.conversationId,
        channel: turn.conversation.channel,
        reason,
        at: turn.reply.timestamp,
      },
    });
  });
}
