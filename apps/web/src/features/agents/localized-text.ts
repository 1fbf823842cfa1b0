import { isPlainObject } from "./document-paths";

/**
 * A customer-facing text in the document: one text for every language, or one per language code
 * (`{ en: "...", ru: "..." }`). The editor shows one field per language in the per-language form.
 */
export type LocalizedText = string | Record<string, string>;

export function isPerLanguage(value: unknown): value is Record<string, string> {
  return isPlainObject(value);
}

/** The languages to offer fields for: the agent's languages, then any others the text already has. */
export function languagesFor(value: unknown, agentLanguages: readonly string[]): string[] {
  const out = [...agentLanguages];
  if (isPerLanguage(value)) {
    for (const language of Object.keys(value)) if (!out.includes(language)) out.push(language);
  }
  return out;
}

/** The text of one language; a single text stands for every language. */
export function textFor(value: unknown, language: string | null): string {
  if (typeof value === "string") return value;
  if (isPerLanguage(value) && language !== null) {
    const text = value[language];
    return typeof text === "string" ? text : "";
  }
  return "";
}

/**
 * The value after editing one language's text (or the single text when `language` is null). An emptied
 * language is dropped; nothing left means the template falls back to the product's default (undefined).
 */
export function withText(
  value: unknown,
  language: string | null,
  text: string,
): LocalizedText | undefined {
  if (language === null) return text === "" ? undefined : text;
  const current: Record<string, string> = isPerLanguage(value) ? { ...value } : {};
  if (text === "") delete current[language];
  else current[language] = text;
  return Object.keys(current).length > 0 ? current : undefined;
}

/** Splits a single text into one copy per language, for translating it. */
export function splitPerLanguage(
  value: unknown,
  languages: readonly string[],
): LocalizedText | undefined {
  if (typeof value !== "string" || value === "") return value as LocalizedText | undefined;
  return Object.fromEntries(languages.map((language) => [language, value]));
}
