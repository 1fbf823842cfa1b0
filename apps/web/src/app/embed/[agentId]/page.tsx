import type { Metadata } from "next";
import { AGENT_ID_PATTERN } from "@agents-crm/config/agent-config";
import { AgentUnavailable } from "~/features/chat/agent-unavailable";
import { ChatScreen } from "~/features/chat/chat-screen";
import { serverMessages } from "~/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverMessages("chat");
  return { title: t.title, robots: { index: false } };
}

/**
 * What the widget's frame shows on a business's site: the same chat, without the site's chrome.
 * `?lang=` (the widget's `data-lang`) wins over the saved choice: `src/proxy.ts` applies it.
 */
export default async function EmbeddedChatPage({
  params,
}: {
  params: Promise<{ agentId: string }>;
}) {
  const { agentId } = await params;
  if (!AGENT_ID_PATTERN.test(agentId)) return <AgentUnavailable variant="embed" />;
  return <ChatScreen agentId={agentId} variant="embed" />;
}
