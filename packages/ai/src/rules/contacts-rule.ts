import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { CountryCode } from "libphonenumber-js/max";
import { extractContacts } from "../contacts/extract-contacts";
import type { ExtractedContacts } from "../contacts/schema";

export function findContacts(config: AgentConfig, text: string): ExtractedContacts {
  const country = config.escalation.phone_detection.default_country as CountryCode | undefined;
  return extractContacts(text, { defaultCountry: country });
}

/** Whether these contacts hand the conversation over (escalation.phone_detection). */
export function contactsEscalate(config: AgentConfig, contacts: ExtractedContacts): boolean {
  const detection = config.escalation.phone_detection;
  if (!detection.enabled) return false;
  return (
    contacts.phoneNumbers.length > 0 || (detection.escalate_on_email && contacts.emails.length > 0)
  );
}
