import type { AppendMessageInput, Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

export interface AgentMessage {
  content: string;
  metadata: NonNullable<AppendMessageInput["metadata"]>;
}

/** Stores a message of the agent; channels deliver it from the stored row, the web chat as an event. */
export function appendAgentMessage(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  message: AgentMessage,
  fileIds: readonly string[] = [],
): Promise<Message> {
  return deps.repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "agent",
    content: message.content,
    channel: conversation.channel,
    ...(conversation.channel === "web_chat" ? {} : { deliveryStatus: "pending" as const }),
    metadata: message.metadata,
    ...(fileIds.length > 0 ? { fileIds: [...fileIds] } : {}),
  });
}

/** Stores the agent's message and records the activity, together; returns both rows. */
export async function storeAgentMessage(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  message: AgentMessage,
): Promise<{ message: Message; conversation: Conversation }> {
  const [stored, touched] = await Promise.all([
    appendAgentMessage(deps, conversation, message),
    deps.repos.conversations.touchActivity(conversation.conversationId, {
      preview: message.content,
    }),
  ]);
  return { message: stored, conversation: touched ?? conversation };
}
