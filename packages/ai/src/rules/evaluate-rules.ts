import type { AgentConfig } from "@agents-crm/config/agent-config";
import { safetyNetCause } from "@agents-crm/config/handoff-summary";
import type { ExtractedContacts } from "../contacts/schema";
import { contactsEscalate, findContacts } from "./contacts-rule";
import type { EscalationCandidate } from "./escalation-candidates";
import { runSafetyNet, type SafetyNetHit } from "./safety-net/safety-net";
import { matchTriggers, type TriggerHit } from "./triggers";

export interface RulesVerdict {
  hits: TriggerHit[];
  contacts: ExtractedContacts;
  /** One candidate per escalation type the rules found, in the order found. */
  candidates: EscalationCandidate[];
}

/** How the net's candidates begin their reason (decideEscalation adds them to an agreeing model's). */
export const SAFETY_NET_REASON = "Safety net: ";

function netHit(hit: SafetyNetHit): TriggerHit {
  return { list: "safety_net", keyword: hit.words.join(", "), ...hit };
}

/** One candidate per escalation type the net found: `Safety net: medication ("ibuprofen", "how much")`. */
function netCandidates(hits: readonly SafetyNetHit[]): EscalationCandidate[] {
  const byType = new Map<SafetyNetHit["type"], SafetyNetHit[]>();
  for (const hit of hits) byType.set(hit.type, [...(byType.get(hit.type) ?? []), hit]);
  return [...byType].map(([type, found]) => {
    const parts = found.map(
      (hit) => `${hit.category} (${hit.words.map((word) => `"${word}"`).join(", ")})`,
    );
    return {
      type,
      reason: `${SAFETY_NET_REASON}${parts.join("; ")}`,
      confidence: 0.9,
      source: "rules",
      // So staff read it in their language (console, alert chats); `reason` stays for the rest.
      cause: safetyNetCause(found),
    };
  });
}

/**
 * The deterministic checks of a turn: the agent's keyword triggers, the built-in safety net (always on;
 * the triggers add to it) and shared contacts. Pure and synchronous.
 */
export function evaluateRules(config: AgentConfig, text: string): RulesVerdict {
  const net = runSafetyNet(config, text);
  const hits = [...matchTriggers(config, text), ...net.map(netHit)];
  const contacts = findContacts(config, text);
  const candidates: EscalationCandidate[] = [];
  for (const hit of hits) {
    if (hit.category) continue;
    if (candidates.some((candidate) => candidate.type === hit.type)) continue;
    candidates.push({
      type: hit.type === "none" ? "custom" : hit.type,
      reason: `Keyword "${hit.keyword}" (${hit.list})`,
      confidence: 0.9,
      source: "rules",
      cause: { code: "keyword", kind: hit.list, detail: hit.keyword },
    });
  }
  for (const candidate of netCandidates(net)) {
    if (!candidates.some((found) => found.type === candidate.type)) candidates.push(candidate);
  }
  if (contactsEscalate(config, contacts)) {
    const phone = contacts.phoneNumbers.length > 0;
    const what = phone ? "a phone number" : "an e-mail address";
    candidates.push({
      type: "contact",
      reason: `The customer shared ${what}`,
      confidence: 0.95,
      source: "rules",
      cause: { code: "contact_shared", kind: phone ? "phone" : "email" },
    });
  }
  return { hits, contacts, candidates };
}
