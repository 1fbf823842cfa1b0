import type { AgentConfig } from "@agents-crm/config/agent-config";

export type PlaceholderValues = Record<string, string>;

const PLACEHOLDER = /\{\{|\}\}|\{([a-z_]+)\}/g;

/**
 * Fills `{name}` placeholders in admin-written text. Unlike Python's `str.format` (which crashed the
 * reference on a stray brace), unknown names and lone braces are left as written, `{{`/`}}` read as
 * literal braces for documents written for the reference, and values are inserted verbatim in one
 * pass, so a value that itself contains `{specialty}` is never expanded again.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (match, name: string | undefined) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    return name !== undefined && Object.hasOwn(values, name) ? values[name]! : match;
  });
}

/** The placeholders personas and templates may use (both the reference's and its later spellings). */
export function profilePlaceholders(config: AgentConfig): PlaceholderValues {
  const { doctor_display_name: doctor, clinic_display_name: clinic, specialty } = config.profile;
  return {
    doctor_display_name: doctor,
    agent_display_name: doctor,
    clinic_display_name: clinic,
    company_display_name: clinic,
    specialty,
  };
}
