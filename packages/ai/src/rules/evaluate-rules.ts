import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { ExtractedContacts } from "../contacts/schema";
import { contactsEscalate, findContacts } from "./contacts-rule";
import type { EscalationCandidate } from "./escalation-candidates";
import { matchTriggers, type TriggerHit } from "./triggers";

export interface RulesVerdict {
  hits: TriggerHit[];
  contacts: ExtractedContacts;
  /** One candidate per escalation type the rules found, in the order found. */
  candidates: EscalationCandidate[];
}

/** The deterministic checks of a turn: keyword triggers and shared contacts. Pure and synchronous. */
export function evaluateRules(config: AgentConfig, text: string): RulesVerdict {
  const hits = matchTriggers(config, text);
  const contacts = findContacts(config, text);
  const candidates: EscalationCandidate[] = [];
  for (const hit of hits) {
    if (candidates.some((candidate) => candidate.type === hit.type)) continue;
    candidates.push({
      type: hit.type === "none" ? "custom" : hit.type,
      reason: `Keyword "${hit.keyword}" (${hit.list})`,
      confidence: 0.9,
      source: "rules",
    });
  }
  if (contactsEscalate(config, contacts)) {
    const what = contacts.phoneNumbers.length > 0 ? "a phone number" : "an e-mail address";
    candidates.push({
      type: "contact",
      reason: `The customer shared ${what}`,
      confidence: 0.95,
      source: "rules",
    });
  }
  return { hits, contacts, candidates };
}
