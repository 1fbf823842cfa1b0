import { newWebToken } from "../../src/domain/conversations/web-token";
import type { HostileApi } from "./hostile-api";

/** A web-chat conversation as chat.start makes it: its id and the visitor's token. */
export async function startChat(
  api: HostileApi,
): Promise<{ conversationId: string; token: string }> {
  const { token, hash } = newWebToken();
  const conversation = await api.t.deps.repos.conversations.create({
    agentId: "demo_clinic",
    channel: "web_chat",
    webTokenHash: hash,
    status: "AI_ACTIVE",
  });
  return { conversationId: conversation.conversationId, token };
}
