import type { AgentConfig } from "@agents-crm/config/agent-config";
import { detectScriptLanguage, type TemplateLanguage } from "../rules/language";

type Localized = string | Record<string, string> | undefined;

const PLACEHOLDERS = /\{\{|\}\}|\{[a-z_]+\}/g;

/**
 * The language a clinic wrote a single-string template in, by script, or null when it cannot tell.
 * Placeholders and the clinic's own names are left out first: "Спасибо, что выбрали Sunrise Family
 * Clinic!" is Russian although half its letters are Latin.
 */
export function writtenLanguage(config: AgentConfig, text: string): TemplateLanguage | null {
  let words = text.replace(PLACEHOLDERS, " ");
  for (const name of [config.profile.clinic_display_name, config.profile.doctor_display_name]) {
    if (name.trim()) words = words.split(name.trim()).join(" ");
  }
  return detectScriptLanguage(words);
}

function nonEmpty(text: string | undefined): string | null {
  return typeof text === "string" && text.trim() !== "" ? text.trim() : null;
}

/**
 * The clinic's own text in the customer's language, unfilled, or null when it wrote none in that
 * language: a per-language template without that language, or a single string in another script
 * (a Russian-only import must not answer an English customer in Russian).
 */
export function writtenForLanguage(
  config: AgentConfig,
  written: Localized,
  language: TemplateLanguage,
): string | null {
  if (written === undefined) return null;
  if (typeof written === "string") {
    const text = nonEmpty(written);
    if (text === null) return null;
    const script = writtenLanguage(config, text);
    return script === null || script === language ? text : null;
  }
  const exact = nonEmpty(written[language]);
  if (exact !== null) return exact;
  // "en-US", "ru_RU": the clinic's locale spelling of the same language.
  const regional = Object.entries(written).find(
    ([code]) => code.slice(0, 2).toLowerCase() === language,
  );
  return nonEmpty(regional?.[1]);
}

/** The clinic's text in whatever language it has one: its languages in order, then any. */
export function writtenInAnyLanguage(
  written: Localized,
  agentLanguages: readonly string[],
): string | null {
  if (written === undefined) return null;
  if (typeof written === "string") return nonEmpty(written);
  const candidates = [...agentLanguages.map((code) => written[code]), ...Object.values(written)];
  for (const text of candidates) {
    const found = nonEmpty(text);
    if (found !== null) return found;
  }
  return null;
}
