import type { AgentConfig } from "@agents-crm/config/agent-config";
import { fillPlaceholders, profilePlaceholders } from "./safe-format";

const DEFAULT_PERSONA =
  "You are the online assistant of {clinic_display_name}, writing on behalf of {doctor_display_name}. " +
  "You help customers with information and booking.";

export function personaSection(config: AgentConfig): string {
  const persona = config.prompts.system.persona.trim() || DEFAULT_PERSONA;
  return fillPlaceholders(persona, profilePlaceholders(config));
}
