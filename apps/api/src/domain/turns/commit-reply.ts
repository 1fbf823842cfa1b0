import type { TurnResult } from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation, ConversationPatch, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated } from "../conversations/emit";
import { aiMayAnswer } from "./ai-may-answer";
import { replyMetadata } from "./reply-metadata";

export interface TurnOutput {
  /** The stored agent message, or null when nothing was sent (blank input, or a human took over). */
  reply: Message | null;
  conversation: Conversation;
}

interface CommitInput {
  conversation: Conversation;
  config: AgentConfig;
  batch: readonly Message[];
  result: TurnResult;
  turnId: string;
}

/**
 * Applies a finished turn. An escalation goes first, only over AI_ACTIVE and through the row's version,
 * so an admin's concurrent handoff is never overwritten. Without one, the activity touch doubles as the
 * fresh status read: a conversation a human took over meanwhile gets no AI message. The reply's events
 * are published in the background: the sender has the reply, and shutdown waits for them.
 */
export async function commitReply(deps: ApiDeps, input: CommitInput): Promise<TurnOutput> {
  const { repos } = deps;
  const { result, config } = input;
  const id = input.conversation.conversationId;
  const reply = result.reply;
  if (!reply || reply.text.trim() === "") return { reply: null, conversation: input.conversation };

  const append = (row: Conversation) =>
    repos.messages.append({
      conversationId: id,
      agentId: row.agentId,
      role: "agent",
      content: reply.text,
      channel: row.channel,
      // Other channels deliver from the stored message; the web chat gets it as an event.
      ...(row.channel === "web_chat" ? {} : { deliveryStatus: "pending" as const }),
      metadata: replyMetadata(result, { turnId: input.turnId, batch: input.batch }),
    });

  if (!result.escalation.needed) {
    const touched = await repos.conversations.touchActivity(id, { preview: reply.text });
    if (!touched) return { reply: null, conversation: input.conversation };
    if (!aiMayAnswer(touched, config)) {
      const previous = input.conversation.lastMessagePreview;
      const restored =
        previous === undefined
          ? null
          : await repos.conversations.touchActivity(id, { preview: previous });
      return { reply: null, conversation: restored ?? touched };
    }
    const message = await append(touched);
    deps.work.run("publish agent reply", () => emitMessageCreated(deps.hub, touched, message));
    return { reply: message, conversation: touched };
  }

  const escalation = result.escalation;
  let escalatedNow = false;
  const latest = await repos.conversations.mutate(id, (current): ConversationPatch | undefined => {
    escalatedNow = current.status === "AI_ACTIVE";
    if (!escalatedNow) return undefined;
    return {
      status: "NEEDS_HUMAN",
      handoffReason: escalation.reason,
      escalationType: escalation.type,
      needsHumanSince: new Date().toISOString(),
    };
  });
  if (!escalatedNow && !aiMayAnswer(latest, config)) return { reply: null, conversation: latest };
  const [message, touched] = await Promise.all([
    append(latest),
    repos.conversations.touchActivity(id, { preview: reply.text }),
  ]);
  const row = touched ?? latest;
  deps.work.run("publish escalation reply", async () => {
    await emitMessageCreated(deps.hub, row, message);
    if (escalatedNow) {
      await deps.alerts.escalated(row, {
        reason: escalation.reason,
        escalationType: escalation.type,
      });
    }
  });
  return { reply: message, conversation: row };
}
