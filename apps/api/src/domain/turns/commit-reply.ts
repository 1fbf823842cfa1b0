import type { TurnResult } from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated, emitMessageWithFiles } from "../conversations/emit";
import { announceEscalation, escalate, type Escalation } from "../conversations/status-machine";
import { aiMayAnswer } from "../conversations/status-rules";
import { noteKnowledgeGap } from "../knowledge-gaps/note-turn-gap";
import { appendAgentMessage, storeAgentMessage, type AgentMessage } from "./agent-message";
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
  /** Library files the reply carries (already checked for the channel). */
  fileIds?: readonly string[];
}

/**
 * Applies a finished turn. An escalation goes first, through the status machine (only over AI_ACTIVE,
 * so an admin's concurrent handoff is never overwritten). Without one, the activity touch doubles as the
 * fresh status read: a conversation a human took over meanwhile gets no AI message. The reply's events
 * are published in the background: the sender has the reply, and shutdown waits for them.
 */
export async function commitReply(deps: ApiDeps, input: CommitInput): Promise<TurnOutput> {
  const { result } = input;
  const reply = result.reply;
  if (!reply || reply.text.trim() === "") return { reply: null, conversation: input.conversation };
  const message: AgentMessage = {
    content: reply.text,
    metadata: replyMetadata(result, { turnId: input.turnId, batch: input.batch }),
  };
  const output = await (result.escalation.needed
    ? commitEscalation(deps, input, message, result.escalation)
    : commitAnswer(deps, input, message));
  if (output.reply) noteKnowledgeGap(deps, { ...input, reply: output.reply });
  return output;
}

async function commitAnswer(
  deps: ApiDeps,
  input: CommitInput,
  reply: AgentMessage,
): Promise<TurnOutput> {
  const { repos } = deps;
  const id = input.conversation.conversationId;
  const touched = await repos.conversations.touchActivity(id, { preview: reply.content });
  if (!touched) return { reply: null, conversation: input.conversation };
  if (!aiMayAnswer(touched, input.config)) {
    const previous = input.conversation.lastMessagePreview;
    const restored =
      previous === undefined
        ? null
        : await repos.conversations.touchActivity(id, { preview: previous });
    return { reply: null, conversation: restored ?? touched };
  }
  const message = await appendAgentMessage(deps, touched, reply, input.fileIds);
  deps.work.run("publish agent reply", () =>
    message.fileIds?.length
      ? emitMessageWithFiles(deps, touched, message)
      : emitMessageCreated(deps.hub, touched, message),
  );
  return { reply: message, conversation: touched };
}

/**
 * The model asked for a human: the conversation waits for one and the customer gets the handoff text.
 * A conversation a human took over meanwhile gets it only while the AI may still answer there.
 */
async function commitEscalation(
  deps: ApiDeps,
  input: CommitInput,
  reply: AgentMessage,
  escalation: Escalation,
): Promise<TurnOutput> {
  const id = input.conversation.conversationId;
  const { after: latest, changed } = await escalate(deps, id, escalation);
  if (!changed && !aiMayAnswer(latest, input.config)) return { reply: null, conversation: latest };
  const stored = await storeAgentMessage(deps, latest, reply);
  deps.work.run("publish escalation reply", () =>
    announceEscalation(deps, stored.conversation, stored.message, changed ? escalation : null),
  );
  return { reply: stored.message, conversation: stored.conversation };
}
