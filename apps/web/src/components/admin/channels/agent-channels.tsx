"use client";

/** The agent's channels tab: Instagram, Telegram and WhatsApp bindings with guidance, health and replay. */
export function AgentChannels({ agentId }: { agentId: string }) {
  return <section data-testid="agent-channels" data-agent-id={agentId} />;
}
