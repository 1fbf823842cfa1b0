import { AgentWorkspace } from "~/features/agents/agent-workspace";
import { parseAgentTab } from "~/features/agents/agent-tab";

export default async function AgentPage({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agentId } = await params;
  const query = await searchParams;
  return (
    // Keyed: another agent starts with its own draft, never the previous one's.
    <AgentWorkspace
      key={agentId}
      agentId={agentId}
      initialTab={parseAgentTab(query.tab)}
      created={query.created === "1"}
    />
  );
}
