import { NewAgentEditor } from "~/features/agents/new-agent-editor";

export default function NewAgentPage() {
  return <NewAgentEditor />;
}
