import { AgentsList } from "../../../components/admin/agents/agents-list";

export default function AgentsPage() {
  return <AgentsList />;
}
