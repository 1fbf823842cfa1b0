import {
  escalationTemplateId,
  FALLBACK_TEMPLATE_IDS,
  type AgentConfig,
  type EscalationTemplateType,
} from "@agents-crm/config/agent-config";
import { fillPlaceholders, profilePlaceholders } from "../prompt/safe-format";
import type { TemplateLanguage } from "../rules/language";
import { DEFAULT_TEXTS } from "./default-texts";

type Localized = string | Record<string, string> | undefined;

function pick(
  value: Localized,
  language: TemplateLanguage,
  agentLanguages: readonly string[],
): string | null {
  if (value === undefined) return null;
  if (typeof value === "string") return value.trim() || null;
  const candidates = [
    value[language],
    ...agentLanguages.map((code) => value[code]),
    ...Object.values(value),
  ];
  return (
    candidates
      .find((text): text is string => typeof text === "string" && text.trim() !== "")
      ?.trim() ?? null
  );
}

/**
 * A single written text is always used. A per-language template falls back to our default in the
 * customer's language before the clinic's text in another language.
 */
function render(
  config: AgentConfig,
  written: Localized,
  fallbackId: string,
  language: TemplateLanguage,
): string {
  const languages = config.profile.languages;
  const exact = typeof written === "object" ? pick(written[language], language, languages) : null;
  const text =
    (typeof written === "string" ? pick(written, language, languages) : exact) ??
    DEFAULT_TEXTS[fallbackId]?.[language] ??
    pick(written, language, languages) ??
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

/** What the customer receives when a conversation is handed over for this reason. */
export function escalationText(
  config: AgentConfig,
  type: EscalationTemplateType,
  language: TemplateLanguage,
): string {
  return templateText(config, escalationTemplateId(config, type), language);
}

export function llmErrorText(config: AgentConfig, language: TemplateLanguage): string {
  return templateText(config, FALLBACK_TEMPLATE_IDS.llmError, language);
}

export function unreadableMessageText(config: AgentConfig, language: TemplateLanguage): string {
  return templateText(config, FALLBACK_TEMPLATE_IDS.unreadable, language);
}

/** `working_hours.after_hours_behavior.message`, else the `after_hours_message` template. */
export function afterHoursText(config: AgentConfig, language: TemplateLanguage): string {
  const written = config.working_hours.after_hours_behavior.message;
  if (written !== undefined)
    return render(config, written, FALLBACK_TEMPLATE_IDS.afterHours, language);
  return templateText(config, FALLBACK_TEMPLATE_IDS.afterHours, language);
}
