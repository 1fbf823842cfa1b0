import {
  ESCALATION_TEMPLATE_IDS,
  escalationTemplateId,
  FALLBACK_TEMPLATE_IDS,
  type AgentConfig,
  type EscalationTemplateType,
} from "@agents-crm/config/agent-config";
import { fillPlaceholders, profilePlaceholders } from "../prompt/safe-format";
import type { TemplateLanguage } from "../rules/language";
import { DEFAULT_TEXTS } from "./default-texts";
import { writtenForLanguage, writtenInAnyLanguage } from "./template-language";

type Localized = string | Record<string, string> | undefined;

/**
 * The clinic's text in the customer's language; else our default of that kind in that language;
 * only when we have no default of that kind (a template id of the clinic's own) its text in another
 * language.
 */
function render(
  config: AgentConfig,
  written: Localized,
  defaultId: string,
  language: TemplateLanguage,
): string {
  const text =
    writtenForLanguage(config, written, language) ??
    DEFAULT_TEXTS[defaultId]?.[language] ??
    writtenInAnyLanguage(written, config.profile.languages) ??
    DEFAULT_TEXTS.handoff_message![language];
  return fillPlaceholders(text, profilePlaceholders(config));
}

/** A template from `prompts.templates` in the customer's language, else our default text for that id. */
export function templateText(
  config: AgentConfig,
  templateId: string,
  language: TemplateLanguage,
): string {
  return render(config, config.prompts.templates[templateId], templateId, language);
}

/**
 * The clinic's own text of a template in the customer's language (placeholders filled), or null when
 * it wrote none in that language. Null is where a model may render the clinic's text in that
 * language (`agentTemplateText`); without one, the turn sends our default of that kind.
 */
export function templateForLanguage(
  config: AgentConfig,
  templateId: string,
  language: TemplateLanguage,
): string | null {
  const text = writtenForLanguage(config, config.prompts.templates[templateId], language);
  return text === null ? null : fillPlaceholders(text, profilePlaceholders(config));
}

/** The clinic's own text of a template in whatever language it wrote it (placeholders filled), or null. */
export function agentTemplateText(config: AgentConfig, templateId: string): string | null {
  const text = writtenInAnyLanguage(config.prompts.templates[templateId], config.profile.languages);
  return text === null ? null : fillPlaceholders(text, profilePlaceholders(config));
}

/** What the customer receives when a conversation is handed over for this reason. */
export function escalationText(
  config: AgentConfig,
  type: EscalationTemplateType,
  language: TemplateLanguage,
): string {
  const templateId = escalationTemplateId(config, type);
  return render(
    config,
    config.prompts.templates[templateId],
    ESCALATION_TEMPLATE_IDS[type],
    language,
  );
}

export function llmErrorText(config: AgentConfig, language: TemplateLanguage): string {
  return templateText(config, FALLBACK_TEMPLATE_IDS.llmError, language);
}

export function unreadableMessageText(config: AgentConfig, language: TemplateLanguage): string {
  return templateText(config, FALLBACK_TEMPLATE_IDS.unreadable, language);
}

/**
 * `working_hours.after_hours_behavior.message` in the customer's language, else the
 * `after_hours_message` template (ours when the clinic wrote none in that language).
 */
export function afterHoursText(config: AgentConfig, language: TemplateLanguage): string {
  const written = config.working_hours.after_hours_behavior.message;
  const own = writtenForLanguage(config, written, language);
  if (own !== null) return fillPlaceholders(own, profilePlaceholders(config));
  return templateText(config, FALLBACK_TEMPLATE_IDS.afterHours, language);
}
