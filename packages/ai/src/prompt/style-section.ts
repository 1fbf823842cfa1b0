import type { AgentConfig } from "@agents-crm/config/agent-config";
import { oneLine } from "./blocks";

function words(code: string): string {
  return oneLine(code.replace(/[_-]+/g, " "))
    .split(" ")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export function styleSection(config: AgentConfig): string {
  const style = config.style;
  return [
    "## Style",
    `Tone: ${words(style.tone)}`,
    `Formality: ${words(style.formality)}`,
    `Empathy: ${style.empathy_level}/10 (how warmly you acknowledge the customer's feelings)`,
    `Depth: ${style.depth_level}/10 (how much detail you give)`,
    `Message length: ${words(style.message_length)}`,
    `Persuasion: ${words(style.persuasion)} (how strongly you suggest booking)`,
  ].join("\n");
}
