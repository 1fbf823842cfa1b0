import type { AgentConfig } from "@agents-crm/config/agent-config";

export function examplesSection(config: AgentConfig): string | null {
  const examples = config.prompts.examples;
  if (examples.length === 0) return null;
  const body = examples.map(
    (example, index) =>
      `Example ${index + 1}:\nCustomer: ${example.user_message.trim()}\nYou: ${example.agent_response.trim()}`,
  );
  return [
    "## Examples of good replies",
    ...body,
    "The examples show tone and length only; always answer in the customer's language, from the knowledge you are given.",
  ].join("\n\n");
}
