import {
  extractContacts,
  extractCustomerName,
  type ExtractContactsOptions,
  type ExtractedContacts,
} from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/** What one customer message (or turn) revealed about the person. */
export interface RevealedDetails {
  contacts: ExtractedContacts;
  customerName?: string;
}

/**
 * Puts what the customer shared on their contact — phones, e-mails, the name they gave — in the
 * background, so the reply never waits for it. Nothing is read or written when nothing was found, which
 * is almost every message.
 */
export function fillContact(
  deps: Pick<ApiDeps, "repos" | "work">,
  conversation: Pick<Conversation, "contactId">,
  found: RevealedDetails,
): void {
  const { contactId } = conversation;
  const { phoneNumbers, emails } = found.contacts;
  if (!contactId || (!phoneNumbers.length && !emails.length && !found.customerName)) return;
  deps.work.run("fill contact", () =>
    deps.repos.contacts.fillIn(contactId, {
      phones: phoneNumbers,
      emails,
      name: found.customerName,
    }),
  );
}

/**
 * A customer message no turn reads (a human handles the conversation): the same rules the turn would
 * have run (the contacts rule, the offline name rule), run once here instead.
 */
export function fillContactFromText(
  deps: Pick<ApiDeps, "repos" | "work">,
  conversation: Pick<Conversation, "contactId">,
  config: AgentConfig,
  text: string,
): void {
  if (!conversation.contactId || !text.trim()) return;
  const country = config.escalation.phone_detection
    .default_country as ExtractContactsOptions["defaultCountry"];
  fillContact(deps, conversation, {
    contacts: extractContacts(text, { defaultCountry: country }),
    customerName: extractCustomerName(text) ?? undefined,
  });
}
