import { AgentCards } from "./agent-cards";
import { LiveIndicator } from "./live-indicator";
import { ModelLabel } from "./model-label";

export default function HomePage() {
  return (
    <main>
      <header style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
        <h1>Talk to our assistants</h1>
        <LiveIndicator />
      </header>
      <p className="muted">
        Choose who you would like to chat with. A person takes over whenever needed.
      </p>
      <AgentCards />
      <ModelLabel />
    </main>
  );
}
