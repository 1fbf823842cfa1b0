import type { AgentConfig } from "@agents-crm/config/agent-config";
import { clinicClock } from "../rules/working-hours";
import type { RulesVerdict } from "../rules/evaluate-rules";
import type { TemplateLanguage } from "../rules/language";
import { handoffOffer, handoffOfferContext } from "./handoff-reply";

const LANGUAGE_NAMES: Record<TemplateLanguage, string> = {
  en: "English",
  ru: "Russian",
  ar: "Arabic",
};

/** Keys the offline model reads back from <turn_context>. */
export const CONTEXT_KEYS = {
  language: "customer_language",
  clinicTime: "clinic_time",
  afterHours: "after_hours",
  signals: "rule_signals",
  details: "rule_details",
  handoffTemplates: "handoff_templates",
} as const;

export function turnContext(input: {
  config: AgentConfig;
  language: TemplateLanguage;
  now: Date;
  open: boolean;
  rules: RulesVerdict;
}): Record<string, string> {
  const { config, language, now, open, rules } = input;
  const context: Record<string, string> = {
    [CONTEXT_KEYS.language]: `${language} (${LANGUAGE_NAMES[language]}, judged from the script the customer writes in)`,
    [CONTEXT_KEYS.clinicTime]: `${clinicClock(config.working_hours.timezone, now).label}, the clinic is ${open ? "open" : "closed now"}`,
  };
  if (!open) {
    context[CONTEXT_KEYS.afterHours] = config.working_hours.after_hours_behavior
      .allow_booking_intent_capture
      ? "nobody can call back before opening time; you may still take a phone number for a call back"
      : "do not take booking requests now; ask the customer to write again during working hours";
  }
  if (rules.candidates.length > 0) {
    context[CONTEXT_KEYS.signals] = rules.candidates.map((candidate) => candidate.type).join(", ");
    context[CONTEXT_KEYS.details] = rules.candidates
      .map((candidate) => candidate.reason)
      .join("; ");
  }
  const handoffTemplates = handoffOfferContext(handoffOffer(config, language, rules.candidates));
  if (handoffTemplates) context[CONTEXT_KEYS.handoffTemplates] = handoffTemplates;
  return context;
}
