import type { CopilotMessage } from "@agents-crm/ai";
import { parseAgentConfig, type AgentConfig } from "@agents-crm/config/agent-config";
import { NotFoundError, type Conversation, type Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { preconditionFailed } from "../errors";

/** The conversation the copilot drafts for, read the most recent first (the whole of most chats). */
const TRANSCRIPT_MESSAGES = 200;

export async function conversationOf(
  deps: Pick<ApiDeps, "repos">,
  conversationId: string,
): Promise<Conversation> {
  const conversation = await deps.repos.conversations.get(conversationId);
  if (!conversation) throw new NotFoundError("conversation", conversationId);
  return conversation;
}

/** The agent's document as the turn reads it; a missing or broken one has no persona to draft with. */
export async function agentConfigOf(
  deps: Pick<ApiDeps, "repos">,
  agentId: string,
): Promise<AgentConfig> {
  const agent = await deps.repos.agents.get(agentId);
  if (!agent) throw preconditionFailed(`The conversation's agent ${agentId} no longer exists`);
  const parsed = parseAgentConfig(agent.config);
  if (!parsed.ok) throw preconditionFailed(`The agent ${agentId} has an invalid configuration`);
  return parsed.config;
}

/** What a message says to a reader of the transcript: media without a caption is named by its kind. */
function textOf(message: Message): string {
  const text = message.content.trim();
  if (message.kind === "text") return text;
  return text ? `[${message.kind}] ${text}` : `[${message.kind}]`;
}

/**
 * Every customer, agent and staff message the copilot may read, oldest first; system notices and staff
 * notes are not (a note is never a model's to read).
 */
export async function copilotTranscript(
  deps: Pick<ApiDeps, "repos">,
  conversationId: string,
): Promise<CopilotMessage[]> {
  const messages = await deps.repos.messages.lastN(conversationId, TRANSCRIPT_MESSAGES);
  return messages.flatMap((message): CopilotMessage[] => {
    if (message.role === "system" || message.role === "note") return [];
    const content = textOf(message);
    if (!content) return [];
    const author = message.role === "admin" ? message.metadata.authorName : undefined;
    return [{ role: message.role, content, ...(author ? { author } : {}) }];
  });
}
