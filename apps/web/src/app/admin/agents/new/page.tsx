import { NewAgentEditor } from "../../../../components/admin/agents/new-agent-editor";

export default function NewAgentPage() {
  return <NewAgentEditor />;
}
