"use client";

/**
 * Chat with an agent document that is not saved yet and see each turn's escalation decision.
 * `config` is the wizard's current draft (the full agent document); `agentId` is set once it exists.
 */
export function AgentPlayground({
  config,
  agentId,
}: {
  config: Record<string, unknown>;
  agentId?: string;
}) {
  return (
    <section
      data-testid="agent-playground"
      data-agent-id={agentId}
      data-keys={Object.keys(config).length}
    />
  );
}
