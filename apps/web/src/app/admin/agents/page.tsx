import { AgentsList } from "~/features/agents/agents-list";

export default function AgentsPage() {
  return <AgentsList />;
}
