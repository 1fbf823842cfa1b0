import type { Metadata } from "next";
import { AGENT_ID_PATTERN } from "@agents-crm/config/agent-config";
import { AgentUnavailable } from "~/features/chat/agent-unavailable";
import { ChatScreen } from "~/features/chat/chat-screen";
import { serverMessages } from "~/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverMessages("chat");
  return { title: t.pageTitle };
}

export default async function ChatPage({ params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  if (!AGENT_ID_PATTERN.test(agentId)) return <AgentUnavailable variant="page" />;
  return <ChatScreen agentId={agentId} variant="page" />;
}
